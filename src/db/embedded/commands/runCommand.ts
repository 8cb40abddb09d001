import { logger } from '../../../core/logger.ts';
import { CommandError, toCommandError } from '../CommandError.ts';
import type { Document } from '../documents.ts';
import { ADMIN_COMMANDS } from './adminCommands.ts';
import { CATALOG_COMMANDS } from './catalogCommands.ts';
import type { CommandContext, CommandTable } from './context.ts';
import { FIND_AND_MODIFY_COMMANDS } from './findAndModify.ts';
import { READ_COMMANDS } from './readCommands.ts';
import { WRITE_COMMANDS } from './writeCommands.ts';

const log = logger.child({ component: 'embedded-mongo' });

const COMMANDS: CommandTable = {
  ...ADMIN_COMMANDS,
  ...CATALOG_COMMANDS,
  ...READ_COMMANDS,
  ...WRITE_COMMANDS,
  ...FIND_AND_MODIFY_COMMANDS,
};

/** Real MongoDB commands this server knows it does not implement. */
const UNSUPPORTED_COMMANDS = new Set([
  'collMod', 'mapReduce', 'validate', 'explain', 'compact', 'reIndex',
  'bulkWrite', 'createUser', 'dropUser', 'saslStart', 'saslContinue', 'authenticate',
  'currentOp', 'killOp', 'profile', 'fsync', 'shutdown', 'cloneCollectionAsCapped',
  'convertToCapped', 'collStats', 'dataSize', 'createView', 'setParameter',
]);

const TRANSACTION_COMMANDS = new Set(['commitTransaction', 'abortTransaction']);

/** Runs one command and always produces a reply document, failures included. */
export async function runCommand(command: Document, context: CommandContext): Promise<Document> {
  const name = Object.keys(command)[0] ?? '';
  try {
    assertNoTransaction(name, command);
    const handler = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!handler) throw unknownCommand(name);
    return await handler(command, context);
  } catch (error) {
    return failureReply(name, error);
  }
}

/** A standalone mongod refuses transactions (and retryable writes) the same way. */
function assertNoTransaction(name: string, command: Document): void {
  if (command.txnNumber === undefined && !TRANSACTION_COMMANDS.has(name)) return;
  throw new CommandError(
    'IllegalOperation',
    'Transaction numbers are only allowed on a replica set member or mongos',
  );
}

function unknownCommand(name: string): CommandError {
  if (UNSUPPORTED_COMMANDS.has(name)) {
    return new CommandError(
      'NotImplemented',
      `Command '${name}' is not supported by the embedded server`,
    );
  }
  return new CommandError('CommandNotFound', `no such command: '${name}'`);
}

function failureReply(name: string, error: unknown): Document {
  const failure = toCommandError(error, name);
  log.debug({ command: name, code: failure.code }, 'embedded command refused');
  return failure.toReply();
}
