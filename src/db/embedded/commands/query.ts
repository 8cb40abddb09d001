import type { Collection } from '../Collection.ts';
import { CommandError } from '../CommandError.ts';
import { isPlainObject, type Document } from '../documents.ts';
import { compileFilter, findDocuments, type FindSpec } from '../mingoEngine.ts';

export interface QueryOptions extends FindSpec {
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
  // Index keys compare binary strings; a collation may equate others, so it scans.
  const candidates = options.collation
    ? [...collection.docs.values()]
    : [...collection.candidates(criteria)];
  const projection = options.projection && Object.keys(options.projection).length > 0
    ? options.projection
    : undefined;
  return findDocuments(candidates, criteria, { ...options, projection }, {
    collation: options.collation,
  });
}

/** Stored documents (unprojected) matching the filter, for writes. */
export function matchingDocuments(
  collection: Collection,
  filter: unknown,
  sort?: Document,
): Document[] {
  const criteria = asFilter(filter);
  const candidates = [...collection.candidates(criteria)];
  if (sort && Object.keys(sort).length > 0) return findDocuments(candidates, criteria, { sort });
  const query = compileFilter(criteria);
  return candidates.filter((doc) => query.test(doc));
}

export function asFilter(filter: unknown): Document {
  if (filter === undefined || filter === null) return {};
  if (!isPlainObject(filter)) {
    throw new CommandError('TypeMismatch', `Expected a filter object, got ${typeof filter}`);
  }
  return filter;
}
