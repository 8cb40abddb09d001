import { serialize, type Document } from 'bson';

export type { Document };

/** True for a plain `{}` object, as opposed to a BSON value class, array, Date or RegExp. */
export function isPlainObject(value: unknown): value is Document {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Copies the plain objects and arrays of a document. Leaf values (ObjectId, Date, Binary...) are
 * shared: nothing in the server mutates them, so stored documents stay immutable.
 */
export function cloneDocument<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneDocument) as T;
  if (!isPlainObject(value)) return value;

  const copy: Document = {};
  for (const key of Object.keys(value)) copy[key] = cloneDocument(value[key]);
  return copy as T;
}

/**
 * A string that is equal for two values exactly when MongoDB treats them as the same index key
 * or `_id`. Numbers compare by value whatever their BSON type, as in MongoDB.
 */
export function valueKey(value: unknown): string {
  if (value === undefined || value === null) return 'z';
  switch (typeof value) {
    case 'string':
      return `s${value}`;
    case 'number':
      return `n${value}`;
    case 'boolean':
      return value ? 'bt' : 'bf';
    case 'bigint':
      return `n${value}`;
  }
  if (value instanceof Date) return `d${value.getTime()}`;

  const bsontype = (value as { _bsontype?: string })._bsontype;
  if (bsontype === 'ObjectId') return `o${(value as { toHexString(): string }).toHexString()}`;
  if (bsontype === 'Long' || bsontype === 'Int32' || bsontype === 'Double') {
    return `n${Number(value.toString())}`;
  }
  return `x${Buffer.from(serialize({ v: value })).toString('base64')}`;
}

/** Reads a dotted path; arrays on the way are not traversed (see `valuesAtPath`). */
export function getPath(doc: Document, path: string): unknown {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Document)[part];
  }
  return current;
}

/**
 * The values a dotted path reaches, traversing arrays the way a multikey index does: an array of
 * scalars yields each element, an empty array yields `undefined`.
 */
export function valuesAtPath(doc: unknown, parts: readonly string[]): unknown[] {
  if (parts.length === 0) {
    if (Array.isArray(doc)) return doc.length === 0 ? [undefined] : doc;
    return [doc];
  }
  if (Array.isArray(doc)) {
    const index = Number(parts[0]);
    if (Number.isInteger(index)) return valuesAtPath(doc[index], parts.slice(1));
    const found = doc.flatMap((item) => valuesAtPath(item, parts));
    return found.length === 0 ? [undefined] : found;
  }
  if (doc === null || typeof doc !== 'object') return [undefined];
  return valuesAtPath((doc as Document)[parts[0]], parts.slice(1));
}

/** Deep equality with field order, as BSON compares documents; leaves compare by valueKey. */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => isSameValue(item, b[i]));
  }
  if (isPlainObject(a) || isPlainObject(b)) {
    if (!isPlainObject(a) || !isPlainObject(b)) return false;
    const keys = Object.keys(a);
    const otherKeys = Object.keys(b);
    if (keys.length !== otherKeys.length) return false;
    return keys.every((key, i) => key === otherKeys[i] && isSameValue(a[key], b[key]));
  }
  return typeof a === typeof b && valueKey(a) === valueKey(b);
}
