import { Collection } from './Collection.ts';
import { CommandError } from './CommandError.ts';
import { valueKey, type Document } from './documents.ts';

/** Where the store writes a record of each change, and how a writer waits for it to be safe. */
export interface JournalSink {
  append(record: Document): void;
  /** Resolves once every record appended so far is durable. */
  sync(): Promise<void>;
}

const MEMORY_SINK: JournalSink = { append: () => {}, sync: async () => {} };

const INVALID_DB_NAME = /[/\\. "$\0]/;

/**
 * All databases and collections. Every change goes through a method here, which applies it in
 * memory and appends one journal record; `applyRecord` replays those records at start-up.
 */
export class Store {
  readonly #dbs = new Map<string, Map<string, Collection>>();
  #sink: JournalSink = MEMORY_SINK;

  attach(sink: JournalSink): void {
    this.#sink = sink;
  }

  sync(): Promise<void> {
    return this.#sink.sync();
  }

  databaseNames(): string[] {
    return [...this.#dbs.keys()];
  }

  collections(db: string): Collection[] {
    return [...(this.#dbs.get(db)?.values() ?? [])];
  }

  collection(db: string, name: string): Collection | undefined {
    return this.#dbs.get(db)?.get(name);
  }

  /** The collection, created on first use as MongoDB does for writes. */
  ensureCollection(db: string, name: string): Collection {
    return this.collection(db, name) ?? this.createCollection(db, name, {});
  }

  createCollection(db: string, name: string, options: Document): Collection {
    assertNamespace(db, name);
    if (this.collection(db, name)) {
      throw new CommandError('NamespaceExists', `Collection ${db}.${name} already exists.`);
    }
    const collection = new Collection(db, name, options);
    let collections = this.#dbs.get(db);
    if (!collections) this.#dbs.set(db, (collections = new Map()));
    collections.set(name, collection);
    this.#sink.append({ op: 'create', db, coll: name, options });
    return collection;
  }

  insert(collection: Collection, doc: Document): void {
    collection.insert(doc);
    this.#put(collection, doc);
  }

  replace(collection: Collection, key: string, doc: Document): void {
    collection.replace(key, doc);
    this.#put(collection, doc);
  }

  remove(collection: Collection, key: string): void {
    const doc = collection.docs.get(key);
    if (!doc) return;
    collection.remove(key);
    this.#sink.append({ op: 'delete', ...where(collection), id: doc._id });
  }

  createIndex(collection: Collection, spec: Document): void {
    collection.addIndex(spec);
    this.#sink.append({ op: 'index', ...where(collection), spec });
  }

  dropIndex(collection: Collection, name: string): void {
    collection.indexes.delete(name);
    this.#sink.append({ op: 'dropIndex', ...where(collection), name });
  }

  dropCollection(db: string, name: string): boolean {
    const existed = this.#dbs.get(db)?.delete(name) ?? false;
    if (this.#dbs.get(db)?.size === 0) this.#dbs.delete(db);
    if (existed) this.#sink.append({ op: 'drop', db, coll: name });
    return existed;
  }

  /** Moves a collection, documents and indexes, to a new namespace. */
  renameCollection(from: Collection, toDb: string, toName: string): Collection {
    assertNamespace(toDb, toName);
    const moved = new Collection(toDb, toName, from.options);
    for (const index of from.indexes.values()) moved.addIndex(index.spec);
    for (const doc of from.docs.values()) moved.insert(doc);

    this.#dbs.get(from.db)?.delete(from.name);
    if (this.#dbs.get(from.db)?.size === 0) this.#dbs.delete(from.db);
    let collections = this.#dbs.get(toDb);
    if (!collections) this.#dbs.set(toDb, (collections = new Map()));
    collections.set(toName, moved);
    this.#sink.append({ op: 'rename', ...where(from), toDb, toColl: toName });
    return moved;
  }

  dropDatabase(db: string): void {
    if (this.#dbs.delete(db)) this.#sink.append({ op: 'dropDatabase', db });
  }

  /** Replays one journal record; records come from this store, so they are trusted. */
  applyRecord(record: Document): void {
    const { db, coll } = record as { db: string; coll: string };
    switch (record.op) {
      case 'create':
        if (!this.collection(db, coll)) this.createCollection(db, coll, record.options ?? {});
        return;
      case 'put': {
        const collection = this.ensureCollection(db, coll);
        const key = valueKey(record.doc._id);
        if (collection.docs.has(key)) collection.replace(key, record.doc);
        else collection.insert(record.doc);
        return;
      }
      case 'delete':
        this.collection(db, coll)?.remove(valueKey(record.id));
        return;
      case 'index':
        this.ensureCollection(db, coll).addIndex(record.spec);
        return;
      case 'dropIndex':
        this.collection(db, coll)?.indexes.delete(record.name);
        return;
      case 'drop':
        this.dropCollection(db, coll);
        return;
      case 'rename': {
        const from = this.collection(db, coll);
        if (from) this.renameCollection(from, record.toDb, record.toColl);
        return;
      }
      case 'dropDatabase':
        this.dropDatabase(db);
    }
  }

  /** Records that rebuild the current state from nothing; compaction writes these. */
  *snapshotRecords(): Generator<Document> {
    for (const [db, collections] of this.#dbs) {
      for (const [coll, collection] of collections) {
        yield { op: 'create', db, coll, options: collection.options };
        for (const index of collection.indexes.values()) {
          yield { op: 'index', db, coll, spec: index.spec };
        }
        for (const doc of collection.docs.values()) yield { op: 'put', db, coll, doc };
      }
    }
  }

  #put(collection: Collection, doc: Document): void {
    this.#sink.append({ op: 'put', ...where(collection), doc });
  }
}

function where(collection: Collection): { db: string; coll: string } {
  return { db: collection.db, coll: collection.name };
}

function assertNamespace(db: string, name: string): void {
  if (db === '' || INVALID_DB_NAME.test(db)) {
    throw new CommandError('InvalidNamespace', `Invalid database name: '${db}'`);
  }
  if (name === '' || name.includes('$') || name.includes('\0')) {
    throw new CommandError('InvalidNamespace', `Invalid collection name: '${name}'`);
  }
}
