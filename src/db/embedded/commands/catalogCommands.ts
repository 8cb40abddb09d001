import type { Collection } from '../Collection.ts';
import { CommandError } from '../CommandError.ts';
import { isPlainObject, type Document } from '../documents.ts';
import { compileFilter } from '../mingoEngine.ts';
import type { CommandContext, CommandTable } from './context.ts';

const INDEX_OPTION_KEYS = ['unique', 'sparse', 'partialFilterExpression', 'expireAfterSeconds'];

/** Fields any command may carry that are not options of the command itself. */
const GENERIC_FIELDS = new Set(['lsid', 'writeConcern', 'comment', 'maxTimeMS', 'apiVersion',
  'apiStrict', 'apiDeprecationErrors', 'readConcern']);

async function create(command: Document, context: CommandContext): Promise<Document> {
  const { create: name, ...rest } = command;
  const options: Document = {};
  for (const [key, value] of Object.entries(rest)) {
    if (!key.startsWith('$') && !GENERIC_FIELDS.has(key)) options[key] = value;
  }
  context.store.createCollection(context.db, name, options);
  await context.store.sync();
  return { ok: 1 };
}

async function drop(command: Document, context: CommandContext): Promise<Document> {
  const collection = context.store.collection(context.db, command.drop);
  if (!collection) return { ok: 1 };
  const nIndexesWas = collection.indexes.size + 1;
  context.store.dropCollection(context.db, command.drop);
  await context.store.sync();
  return { nIndexesWas, ns: collection.namespace, ok: 1 };
}

async function dropDatabase(_command: Document, context: CommandContext): Promise<Document> {
  context.store.dropDatabase(context.db);
  await context.store.sync();
  return { dropped: context.db, ok: 1 };
}

function listCollections(command: Document, context: CommandContext): Document {
  const filter = isPlainObject(command.filter) ? compileFilter(command.filter) : undefined;
  const infos = context.store.collections(context.db).map((collection) => ({
    name: collection.name,
    type: 'collection',
    options: collection.options,
    info: { readOnly: false },
    idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
  }));
  const matching = filter ? infos.filter((info) => filter.test(info)) : infos;
  const docs = command.nameOnly
    ? matching.map(({ name, type }) => ({ name, type }))
    : matching;
  return context.cursors.open(`${context.db}.$cmd.listCollections`, docs, {
    batchSize: command.cursor?.batchSize,
  });
}

function listDatabases(command: Document, context: CommandContext): Document {
  const names = context.store.databaseNames();
  const databases = names.map((name) =>
    command.nameOnly ? { name } : { name, sizeOnDisk: 0, empty: false });
  return { databases, totalSize: 0, totalSizeMb: 0, ok: 1 };
}

function requireCollection(context: CommandContext, name: unknown): Collection {
  const collection = typeof name === 'string' ? context.store.collection(context.db, name) : null;
  if (!collection) {
    throw new CommandError('NamespaceNotFound', `ns does not exist: ${context.db}.${String(name)}`);
  }
  return collection;
}

function listIndexes(command: Document, context: CommandContext): Document {
  const collection = requireCollection(context, command.listIndexes);
  return context.cursors.open(collection.namespace, collection.indexSpecs(), {
    batchSize: command.cursor?.batchSize,
  });
}

function normaliseIndexSpec(raw: unknown): Document {
  if (!isPlainObject(raw) || !isPlainObject(raw.key) || Object.keys(raw.key).length === 0) {
    throw new CommandError('FailedToParse', 'An index specification needs a non-empty "key"');
  }
  const name = typeof raw.name === 'string' ? raw.name : Object.entries(raw.key)
    .map(([field, direction]) => `${field}_${direction}`)
    .join('_');
  const spec: Document = { v: 2, key: raw.key, name };
  for (const option of INDEX_OPTION_KEYS) if (raw[option] !== undefined) spec[option] = raw[option];
  return spec;
}

function sameKey(a: Document, b: Document): boolean {
  return JSON.stringify(a.key) === JSON.stringify(b.key);
}

function sameOptions(a: Document, b: Document): boolean {
  return INDEX_OPTION_KEYS.every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

/** Returns false when an identical index exists; throws when a conflicting one does. */
function shouldCreate(collection: Collection, spec: Document): boolean {
  for (const existing of collection.indexSpecs()) {
    if (existing.name === spec.name) {
      if (sameKey(existing, spec) && sameOptions(existing, spec)) return false;
      throw new CommandError('IndexKeySpecsConflict',
        `An existing index has the same name as the requested index. ` +
        `Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing)}`);
    }
    if (sameKey(existing, spec)) {
      if (sameOptions(existing, spec)) return false;
      throw new CommandError('IndexOptionsConflict',
        `Index already exists with a different name: ${existing.name}`);
    }
  }
  return true;
}

async function createIndexes(command: Document, context: CommandContext): Promise<Document> {
  if (!Array.isArray(command.indexes) || command.indexes.length === 0) {
    throw new CommandError('BadValue', 'Must specify at least one index to create');
  }
  const existed = context.store.collection(context.db, command.createIndexes) !== undefined;
  const collection = context.store.ensureCollection(context.db, command.createIndexes);
  const numIndexesBefore = collection.indexes.size + 1;

  const specs = command.indexes.map(normaliseIndexSpec);
  for (const spec of specs) {
    if (shouldCreate(collection, spec)) context.store.createIndex(collection, spec);
  }
  await context.store.sync();

  const numIndexesAfter = collection.indexes.size + 1;
  const reply: Document = {
    numIndexesBefore,
    numIndexesAfter,
    createdCollectionAutomatically: !existed,
    ok: 1,
  };
  if (numIndexesAfter === numIndexesBefore) reply.note = 'all indexes already exist';
  return reply;
}

function indexNamesToDrop(collection: Collection, target: unknown): string[] {
  if (target === '*') return [...collection.indexes.keys()];
  if (Array.isArray(target)) return target.flatMap((name) => indexNamesToDrop(collection, name));
  if (isPlainObject(target)) {
    const found = collection.indexSpecs().find((spec) => sameKey(spec, { key: target }));
    if (!found) {
      throw new CommandError('IndexNotFound',
        `can't find index with key: ${JSON.stringify(target)}`);
    }
    return [found.name];
  }
  return [String(target)];
}

async function dropIndexes(command: Document, context: CommandContext): Promise<Document> {
  const collection = requireCollection(context, command.dropIndexes);
  const nIndexesWas = collection.indexes.size + 1;
  const names = indexNamesToDrop(collection, command.index);
  for (const name of names) {
    if (name === '_id_') throw new CommandError('InvalidOptions', 'cannot drop _id index');
    if (!collection.indexes.has(name)) {
      throw new CommandError('IndexNotFound', `index not found with name [${name}]`);
    }
  }

  for (const name of names) context.store.dropIndex(collection, name);
  await context.store.sync();
  return { nIndexesWas, ok: 1 };
}

function splitNamespace(value: unknown): [string, string] {
  const text = typeof value === 'string' ? value : '';
  const dot = text.indexOf('.');
  if (dot <= 0) throw new CommandError('InvalidNamespace', `Invalid namespace: '${text}'`);
  return [text.slice(0, dot), text.slice(dot + 1)];
}

async function renameCollection(command: Document, context: CommandContext): Promise<Document> {
  const [fromDb, fromName] = splitNamespace(command.renameCollection);
  const [toDb, toName] = splitNamespace(command.to);
  const source = context.store.collection(fromDb, fromName);
  if (!source) {
    throw new CommandError('NamespaceNotFound', `Source collection ${fromDb}.${fromName} ` +
      'does not exist');
  }
  if (context.store.collection(toDb, toName)) {
    if (!command.dropTarget) throw new CommandError('NamespaceExists', 'target namespace exists');
    context.store.dropCollection(toDb, toName);
  }

  context.store.renameCollection(source, toDb, toName);
  await context.store.sync();
  return { ok: 1 };
}

export const CATALOG_COMMANDS: CommandTable = {
  renameCollection,
  create,
  drop,
  dropDatabase,
  listCollections,
  listDatabases,
  listIndexes,
  createIndexes,
  dropIndexes,
};
