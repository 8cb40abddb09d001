import { find as mingoFind, Query } from 'mingo';
import type { CollationSpec } from 'mingo/types';
import type { Collection } from '../Collection.ts';
import { CommandError } from '../CommandError.ts';
import { isPlainObject, type Document } from '../documents.ts';

export interface QueryOptions {
  sort?: Document;
  skip?: number;
  limit?: number;
  projection?: Document;
  collation?: Document;
}

/** Matching documents in result order, with projection applied. */
export function queryDocuments(
  collection: Collection | undefined,
  filter: unknown,
  options: QueryOptions = {},
): Document[] {
  const criteria = asFilter(filter);
  if (!collection) return [];
  const candidates = [...collection.candidates(criteria)];
  const projection = options.projection && Object.keys(options.projection).length > 0
    ? options.projection
    : undefined;

  let cursor = mingoFind(candidates, criteria, projection, mingoOptions(options.collation));
  if (options.sort && Object.keys(options.sort).length > 0) cursor = cursor.sort(options.sort);
  if (options.skip) cursor = cursor.skip(options.skip);
  if (options.limit) cursor = cursor.limit(Math.abs(options.limit));
  return cursor.all() as Document[];
}

/** Stored documents (unprojected) matching the filter, for writes. */
export function matchingDocuments(
  collection: Collection,
  filter: unknown,
  sort?: Document,
): Document[] {
  const criteria = asFilter(filter);
  const candidates = [...collection.candidates(criteria)];
  if (sort && Object.keys(sort).length > 0) {
    return mingoFind(candidates, criteria).sort(sort).all() as Document[];
  }
  const query = new Query(criteria);
  return candidates.filter((doc) => query.test(doc));
}

export function asFilter(filter: unknown): Document {
  if (filter === undefined || filter === null) return {};
  if (!isPlainObject(filter)) {
    throw new CommandError('TypeMismatch', `Expected a filter object, got ${typeof filter}`);
  }
  return filter;
}

export function mingoOptions(collation?: Document): { collation?: CollationSpec } {
  return collation ? { collation: collation as CollationSpec } : {};
}
