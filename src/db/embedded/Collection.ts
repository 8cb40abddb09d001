import { CommandError } from './CommandError.ts';
import { SecondaryIndex } from './SecondaryIndex.ts';
import { isPlainObject, valueKey, type Document } from './documents.ts';

export const ID_INDEX_SPEC = { v: 2, key: { _id: 1 }, name: '_id_' } as const;

/**
 * The documents of one collection in insertion order, keyed by their `_id`, with their
 * secondary indexes. Stored documents are never mutated: writers replace them.
 */
export class Collection {
  readonly db: string;
  readonly name: string;
  readonly namespace: string;
  readonly options: Document;
  readonly docs = new Map<string, Document>();
  readonly indexes = new Map<string, SecondaryIndex>();

  constructor(db: string, name: string, options: Document = {}) {
    this.db = db;
    this.name = name;
    this.namespace = `${db}.${name}`;
    this.options = options;
  }

  /** Every index spec, the `_id` one first, as `listIndexes` returns them. */
  indexSpecs(): Document[] {
    return [ID_INDEX_SPEC, ...[...this.indexes.values()].map((index) => index.spec)];
  }

  insert(doc: Document): string {
    const key = valueKey(doc._id);
    if (this.docs.has(key)) throw this.#duplicateIdError(doc._id);
    for (const index of this.indexes.values()) index.assertUnique(this.namespace, key, doc);

    this.docs.set(key, doc);
    for (const index of this.indexes.values()) index.add(key, doc);
    return key;
  }

  replace(key: string, doc: Document): void {
    const old = this.docs.get(key);
    if (!old) throw new CommandError('InternalError', `Document ${key} vanished during an update`);

    for (const index of this.indexes.values()) index.remove(key, old);
    try {
      for (const index of this.indexes.values()) index.assertUnique(this.namespace, key, doc);
    } catch (error) {
      for (const index of this.indexes.values()) index.add(key, old);
      throw error;
    }
    this.docs.set(key, doc);
    for (const index of this.indexes.values()) index.add(key, doc);
  }

  remove(key: string): void {
    const old = this.docs.get(key);
    if (!old) return;
    for (const index of this.indexes.values()) index.remove(key, old);
    this.docs.delete(key);
  }

  /** Adds an index over the current documents; throws E11000 if they break a unique rule. */
  addIndex(spec: Document): void {
    const index = new SecondaryIndex(spec);
    for (const [key, doc] of this.docs) {
      index.assertUnique(this.namespace, key, doc);
      index.add(key, doc);
    }
    this.indexes.set(index.name, index);
  }

  /**
   * Documents that may match the filter: one `_id` lookup or one index lookup when the filter
   * pins every field of an index to a plain value, otherwise all of them.
   */
  candidates(filter: Document): Iterable<Document> {
    if (isLookupValue(filter._id)) {
      const doc = this.docs.get(valueKey(filter._id));
      return doc ? [doc] : [];
    }
    for (const index of this.indexes.values()) {
      if (!index.canAnswerEquality) continue;
      if (!index.fields.every((field) => isLookupValue(filter[field]))) continue;
      const holders = index.lookup(index.keyFor(index.fields.map((field) => filter[field])));
      return [...(holders ?? [])].map((key) => this.docs.get(key) as Document);
    }
    return this.docs.values();
  }

  #duplicateIdError(id: unknown): CommandError {
    return new SecondaryIndex(ID_INDEX_SPEC).duplicateKeyError(this.namespace, [id]);
  }
}

/** A filter value that means plain equality and can be looked up by key. */
function isLookupValue(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'object') return true;
  if (Array.isArray(value) || isPlainObject(value) || value instanceof RegExp) return false;
  return true;
}
