import { CommandError } from '../CommandError.ts';
import { valueKey, type Document } from '../documents.ts';
import { findDocuments } from '../mingoEngine.ts';
import type { CommandContext, CommandTable } from './context.ts';
import { asFilter, matchingDocuments } from './query.ts';
import { updateMatching, writeTarget } from './writeCommands.ts';

function project(doc: Document | undefined, fields: unknown): Document | null {
  if (!doc) return null;
  if (!fields || Object.keys(fields).length === 0) return doc;
  return findDocuments([doc], {}, { projection: fields as Document })[0] ?? null;
}

async function findAndModify(command: Document, context: CommandContext): Promise<Document> {
  const name = command.findAndModify ?? command.findandmodify;
  if (command.remove && command.update !== undefined) {
    throw new CommandError('FailedToParse', 'Cannot specify both an update and remove=true');
  }
  if (!command.remove && command.update === undefined) {
    throw new CommandError('FailedToParse', 'Either an update or remove=true must be specified');
  }
  const query = asFilter(command.query);
  const collection = writeTarget(context, name, command.upsert === true && !command.remove);
  if (!collection) return { lastErrorObject: { n: 0 }, value: null, ok: 1 };
  const [target] = matchingDocuments(collection, query, command.sort);

  if (command.remove) {
    if (target) context.store.remove(collection, valueKey(target._id));
    await context.store.sync();
    return {
      lastErrorObject: { n: target ? 1 : 0 },
      value: project(target, command.fields),
      ok: 1,
    };
  }

  const statement = {
    q: query,
    u: command.update,
    upsert: command.upsert === true,
    arrayFilters: command.arrayFilters,
  };
  const outcome = updateMatching(collection, statement, context, target ? [target] : []);
  await context.store.sync();

  const lastErrorObject: Document = { n: outcome.matched || (outcome.after ? 1 : 0) };
  lastErrorObject.updatedExisting = outcome.matched > 0;
  if (outcome.upsertedId !== undefined) lastErrorObject.upserted = outcome.upsertedId;
  const value = command.new ? outcome.after : outcome.before;
  return { lastErrorObject, value: project(value, command.fields), ok: 1 };
}

export const FIND_AND_MODIFY_COMMANDS: CommandTable = {
  findAndModify,
  findandmodify: findAndModify,
};
