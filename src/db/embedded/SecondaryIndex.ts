import { CommandError } from './CommandError.ts';
import { compileFilter } from './mingoEngine.ts';
import { valueKey, valuesAtPath, type Document } from './documents.ts';

const KEY_SEPARATOR = '\u0000';

interface IndexKey {
  key: string;
  values: unknown[];
}

/**
 * One secondary index: the spec that `listIndexes` shows and a map from key to the documents
 * holding it. Used to enforce uniqueness and to answer equality filters without a scan.
 */
export class SecondaryIndex {
  readonly spec: Document;
  readonly name: string;
  readonly fields: string[];
  readonly isUnique: boolean;
  /** False for partial indexes: a matching document may be missing from them. */
  readonly canAnswerEquality: boolean;
  readonly #paths: string[][];
  readonly #isSparse: boolean;
  readonly #partial: ReturnType<typeof compileFilter> | undefined;
  readonly #entries = new Map<string, Set<string>>();

  constructor(spec: Document) {
    this.spec = spec;
    this.name = spec.name as string;
    this.fields = Object.keys(spec.key as Document);
    this.#paths = this.fields.map((field) => field.split('.'));
    this.isUnique = spec.unique === true;
    this.#isSparse = spec.sparse === true;
    const partial = spec.partialFilterExpression as Document | undefined;
    this.#partial = partial ? compileFilter(partial) : undefined;
    this.canAnswerEquality = !partial;
  }

  /** Keys the document holds in this index, or none when sparse or partial rules skip it. */
  keysOf(doc: Document): IndexKey[] {
    if (this.#partial && !this.#partial.test(doc)) return [];
    const perField = this.#paths.map((path) => valuesAtPath(doc, path));
    if (this.#isSparse && perField.every((values) => values.every((v) => v === undefined))) {
      return [];
    }
    return combine(perField).map((values) => ({
      key: values.map(valueKey).join(KEY_SEPARATOR),
      values,
    }));
  }

  /** Key string for a lookup by one value per field, in field order. */
  keyFor(values: unknown[]): string {
    return values.map(valueKey).join(KEY_SEPARATOR);
  }

  lookup(key: string): ReadonlySet<string> | undefined {
    return this.#entries.get(key);
  }

  add(docKey: string, doc: Document): void {
    for (const { key } of this.keysOf(doc)) {
      let holders = this.#entries.get(key);
      if (!holders) this.#entries.set(key, (holders = new Set()));
      holders.add(docKey);
    }
  }

  remove(docKey: string, doc: Document): void {
    for (const { key } of this.keysOf(doc)) {
      const holders = this.#entries.get(key);
      holders?.delete(docKey);
      if (holders?.size === 0) this.#entries.delete(key);
    }
  }

  clear(): void {
    this.#entries.clear();
  }

  /** Throws the E11000 error when a unique index already holds one of the document's keys. */
  assertUnique(namespace: string, docKey: string, doc: Document): void {
    if (!this.isUnique) return;
    for (const { key, values } of this.keysOf(doc)) {
      const holders = this.#entries.get(key);
      if (!holders) continue;
      for (const holder of holders) {
        if (holder !== docKey) throw this.duplicateKeyError(namespace, values);
      }
    }
  }

  duplicateKeyError(namespace: string, values: unknown[]): CommandError {
    const keyValue: Document = {};
    this.fields.forEach((field, i) => (keyValue[field] = values[i] ?? null));
    const shown = this.fields.map((field, i) => `${field}: ${formatValue(values[i])}`).join(', ');
    return new CommandError(
      'DuplicateKey',
      `E11000 duplicate key error collection: ${namespace} ` +
        `index: ${this.name} dup key: { ${shown} }`,
      { keyPattern: this.spec.key, keyValue },
    );
  }
}

function combine(perField: unknown[][]): unknown[][] {
  return perField.reduce<unknown[][]>(
    (rows, values) => rows.flatMap((row) => values.map((value) => [...row, value])),
    [[]],
  );
}

function formatValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  const bsontype = (value as { _bsontype?: string })._bsontype;
  if (bsontype === 'ObjectId') return `ObjectId('${String(value)}')`;
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  return JSON.stringify(value) ?? String(value);
}
