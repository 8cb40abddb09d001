import { calculateObjectSize } from 'bson';
import type { Collection } from '../Collection.ts';
import { CommandError, toCommandError } from '../CommandError.ts';
import {
  cloneDocument, isPlainObject, isSameValue, valueKey, type Document,
} from '../documents.ts';
import { MAX_BSON_BYTES } from '../wire.ts';
import { applyUpdate, isOperatorUpdate, upsertSeed, withId } from './applyUpdate.ts';
import type { CommandContext, CommandTable } from './context.ts';
import { asFilter, matchingDocuments } from './query.ts';

interface UpdateOutcome {
  matched: number;
  modified: number;
  upsertedId?: unknown;
}

/** Runs each statement of a write batch, stopping at the first error when ordered. */
async function runBatch(
  statements: unknown,
  isOrdered: boolean,
  context: CommandContext,
  runOne: (statement: Document, index: number) => void,
): Promise<Document[]> {
  if (!Array.isArray(statements)) {
    throw new CommandError('FailedToParse', 'The write batch must be an array of statements');
  }
  const writeErrors: Document[] = [];
  for (const [index, statement] of statements.entries()) {
    try {
      runOne(statement as Document, index);
    } catch (error) {
      writeErrors.push(toCommandError(error, 'write').toWriteError(index));
      if (isOrdered) break;
    }
  }
  await context.store.sync();
  return writeErrors;
}

function withErrors(reply: Document, writeErrors: Document[]): Document {
  return writeErrors.length > 0 ? { ...reply, writeErrors } : reply;
}

function insertDocument(collection: Collection, doc: unknown, context: CommandContext): void {
  if (!isPlainObject(doc)) throw new CommandError('BadValue', 'Inserted documents must be objects');
  if (Array.isArray(doc._id) || doc._id instanceof RegExp) {
    throw new CommandError('BadValue', `can't use an ${Array.isArray(doc._id) ? 'array' :
      'regex'} for _id`);
  }
  const size = calculateObjectSize(doc);
  if (size > MAX_BSON_BYTES) {
    throw new CommandError(
      'BadValue',
      `object to insert too large. size in bytes: ${size}, max size: ${MAX_BSON_BYTES}`,
    );
  }
  context.store.insert(collection, withId(cloneDocument(doc)));
}

async function insert(command: Document, context: CommandContext): Promise<Document> {
  const collection = context.store.ensureCollection(context.db, command.insert);
  let n = 0;
  const writeErrors = await runBatch(command.documents, command.ordered !== false, context,
    (doc) => {
      insertDocument(collection, doc, context);
      n += 1;
    });
  return withErrors({ n, ok: 1 }, writeErrors);
}

function replaceChecked(collection: Collection, context: CommandContext, next: Document): void {
  const size = calculateObjectSize(next);
  if (size > MAX_BSON_BYTES) {
    throw new CommandError(
      'Location17419',
      `Resulting document after update is larger than ${MAX_BSON_BYTES}`,
    );
  }
  context.store.replace(collection, valueKey(next._id), next);
}

/** Applies one update statement; also used by findAndModify. */
export function updateMatching(
  collection: Collection,
  statement: Document,
  context: CommandContext,
  targets: Document[],
): UpdateOutcome & { before?: Document; after?: Document } {
  const options = { arrayFilters: statement.arrayFilters, query: asFilter(statement.q) };
  if (targets.length === 0) {
    if (!statement.upsert) return { matched: 0, modified: 0 };
    const seed = upsertSeed(options.query);
    const after = withId(applyUpdate(seed, statement.u, { ...options, isInsert: true }));
    insertDocument(collection, after, context);
    return { matched: 0, modified: 0, upsertedId: after._id, after };
  }

  let modified = 0;
  let before: Document | undefined;
  let after: Document | undefined;
  for (const doc of targets) {
    const next = applyUpdate(doc, statement.u, { ...options, isInsert: false });
    before ??= doc;
    after ??= next;
    if (isSameValue(next, doc)) continue;
    replaceChecked(collection, context, next);
    modified += 1;
  }
  return { matched: targets.length, modified, before, after };
}

/** The collection, created only when an upsert may insert into it, as mongod does. */
export function writeTarget(
  context: CommandContext,
  name: string,
  isUpsert: boolean,
): Collection | undefined {
  const existing = context.store.collection(context.db, name);
  return existing ?? (isUpsert ? context.store.ensureCollection(context.db, name) : undefined);
}

async function update(command: Document, context: CommandContext): Promise<Document> {
  let n = 0;
  let nModified = 0;
  const upserted: Document[] = [];

  const writeErrors = await runBatch(command.updates, command.ordered !== false, context,
    (statement, index) => {
      if (statement.multi && isPlainObject(statement.u) && !isOperatorUpdate(statement.u)) {
        throw new CommandError('FailedToParse',
          'multi update is not supported for replacement-style update');
      }
      const collection = writeTarget(context, command.update, statement.upsert === true);
      if (!collection) return;
      const all = matchingDocuments(collection, statement.q);
      const targets = statement.multi ? all : all.slice(0, 1);
      const outcome = updateMatching(collection, statement, context, targets);
      n += outcome.matched;
      nModified += outcome.modified;
      if (outcome.upsertedId !== undefined) {
        upserted.push({ index, _id: outcome.upsertedId });
        n += 1;
      }
    });
  const reply: Document = { n, nModified, ok: 1 };
  if (upserted.length > 0) reply.upserted = upserted;
  return withErrors(reply, writeErrors);
}

async function remove(command: Document, context: CommandContext): Promise<Document> {
  const collection = context.store.collection(context.db, command.delete);
  let n = 0;
  const writeErrors = await runBatch(command.deletes, command.ordered !== false, context,
    (statement) => {
      if (!collection) return;
      const matches = matchingDocuments(collection, statement.q);
      const targets = statement.limit === 1 ? matches.slice(0, 1) : matches;
      for (const doc of targets) context.store.remove(collection, valueKey(doc._id));
      n += targets.length;
    });
  return withErrors({ n, ok: 1 }, writeErrors);
}

export const WRITE_COMMANDS: CommandTable = { insert, update, delete: remove };
