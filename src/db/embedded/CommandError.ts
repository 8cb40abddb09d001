import { logger } from '../../core/logger.ts';
import type { Document } from './documents.ts';

const log = logger.child({ component: 'embedded-mongo' });

/** MongoDB server error codes the embedded server answers with, by their `codeName`. */
export const MONGO_CODES = {
  InternalError: 1,
  BadValue: 2,
  FailedToParse: 9,
  TypeMismatch: 14,
  IllegalOperation: 20,
  InvalidBSON: 22,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  ConflictingUpdateOperators: 40,
  CursorNotFound: 43,
  NamespaceExists: 48,
  CommandNotFound: 59,
  ImmutableField: 66,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  NotImplemented: 238,
  DuplicateKey: 11000,
  BSONObjectTooLarge: 10334,
  Location17419: 17419,
  Location40324: 40324,
} as const;

export type MongoCodeName = keyof typeof MONGO_CODES;

/**
 * A failed command, answered as `{ ok: 0, errmsg, code, codeName }` plus any extra fields
 * (`keyPattern` and `keyValue` for duplicate keys). These are wire-protocol errors for the
 * driver, not game errors, so they carry MongoDB's numeric codes rather than a GameError code.
 */
export class CommandError extends Error {
  readonly codeName: MongoCodeName;
  readonly extra: Document;

  constructor(codeName: MongoCodeName, message: string, extra: Document = {}) {
    super(message);
    this.name = 'CommandError';
    this.codeName = codeName;
    this.extra = extra;
  }

  get code(): number {
    return MONGO_CODES[this.codeName];
  }

  /** The reply document for a failed command. */
  toReply(): Document {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.extra };
  }

  /** The entry for a `writeErrors` array. */
  toWriteError(index: number): Document {
    return { index, code: this.code, errmsg: this.message, ...this.extra };
  }
}

/**
 * Turns anything thrown while running a command into a CommandError. mingo reports bad queries
 * with plain Errors (BadValue); a TypeError and its kin mean a bug here, logged once.
 */
export function toCommandError(error: unknown, command: string): CommandError {
  if (error instanceof CommandError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof TypeError || error instanceof RangeError ||
    error instanceof ReferenceError) {
    log.error({ err: error, command }, 'embedded command failed unexpectedly');
    return new CommandError('InternalError',
      `Command '${command}' failed inside the embedded server: ${message}`);
  }
  return new CommandError('BadValue', message);
}
