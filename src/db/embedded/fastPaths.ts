import { CommandError } from './CommandError.ts';
import {
  cloneDocument, isPlainObject, valueKey, valuesAtPath, type Document,
} from './documents.ts';

/**
 * Fast paths for the filters and updates the game sends most (equality and comparisons on plain
 * fields, `$set`/`$inc`-style updates). Anything else goes to mingo, which is complete but costs
 * tens of microseconds per call. A fast path either answers exactly as MongoDB would or declines.
 */

/** true or false when decided, undefined when the document needs the full engine. */
export type FastPredicate = (doc: Document) => boolean | undefined;

type Comparable = number | string;

const COMPARISONS: Record<string, (order: number) => boolean> = {
  $gt: (order) => order > 0,
  $gte: (order) => order >= 0,
  $lt: (order) => order < 0,
  $lte: (order) => order <= 0,
};

/** A scalar's type bracket and sortable form; undefined for values the fast path skips. */
function bracket(value: unknown): [string, Comparable] | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : ['n', value];
  if (typeof value === 'string') return ['s', value];
  if (typeof value === 'boolean') return ['b', value ? 1 : 0];
  if (value instanceof Date) return ['d', value.getTime()];
  if ((value as { _bsontype?: string } | null)?._bsontype === 'ObjectId') {
    return ['o', String(value)];
  }
  return undefined;
}

function isFastScalar(value: unknown): boolean {
  return bracket(value) !== undefined;
}

type FieldTest = (values: unknown[]) => boolean | undefined;

function compileCondition(operator: string, operand: unknown): FieldTest | undefined {
  if (operator === '$eq' || operator === '$ne') {
    if (!isFastScalar(operand)) return undefined;
    const key = valueKey(operand);
    const isEqual = (values: unknown[]) => values.some((value) => valueKey(value) === key);
    return operator === '$eq' ? isEqual : (values) => !isEqual(values);
  }
  if (operator === '$in' || operator === '$nin') {
    if (!Array.isArray(operand) || !operand.every(isFastScalar)) return undefined;
    const keys = new Set(operand.map(valueKey));
    const isIn = (values: unknown[]) => values.some((value) => keys.has(valueKey(value)));
    return operator === '$in' ? isIn : (values) => !isIn(values);
  }
  const accepts = COMPARISONS[operator];
  const target = bracket(operand);
  if (!accepts || !target) return undefined;
  return (values) => values.some((value) => {
    const found = bracket(value);
    if (!found || found[0] !== target[0]) return false;
    return accepts(found[1] < target[1] ? -1 : found[1] > target[1] ? 1 : 0);
  });
}

function compileField(spec: unknown): FieldTest[] | undefined {
  if (!isPlainObject(spec)) {
    const test = compileCondition('$eq', spec);
    return test && [test];
  }
  const tests: FieldTest[] = [];
  for (const [operator, operand] of Object.entries(spec)) {
    const test = compileCondition(operator, operand);
    if (!test) return undefined;
    tests.push(test);
  }
  return tests.length > 0 ? tests : undefined;
}

/** Compiles a filter of plain-field conditions; undefined when it needs the full engine. */
export function compileFastFilter(filter: Document): FastPredicate | undefined {
  const fields: Array<[string[], FieldTest[]]> = [];
  for (const [path, spec] of Object.entries(filter)) {
    if (path.startsWith('$')) return undefined;
    const tests = compileField(spec);
    if (!tests) return undefined;
    fields.push([path.split('.'), tests]);
  }
  return (doc) => {
    for (const [parts, tests] of fields) {
      const values = valuesAtPath(doc, parts);
      if (values.some((value) => value !== undefined && !isFastScalar(value))) return undefined;
      if (!tests.every((test) => test(values))) return false;
    }
    return true;
  };
}

const FAST_UPDATE_OPERATORS = new Set(['$set', '$unset', '$inc', '$min', '$max', '$push',
  '$addToSet']);
const SIMPLE_SEGMENT = /^[^$.\d][^.]*$/;

interface PlannedChange {
  operator: string;
  parts: string[];
  operand: unknown;
}

/**
 * Applies operator updates in place when every one is simple: a known operator on a path of
 * plain object fields, no positional or numeric segments, no two paths overlapping. Returns
 * false, having changed nothing, when the update needs the full engine.
 */
export function tryFastUpdate(doc: Document, operators: Document): boolean {
  const changes = planChanges(operators);
  if (!changes || !changes.every((change) => canApply(doc, change))) return false;
  for (const change of changes) apply(doc, change);
  return true;
}

function planChanges(operators: Document): PlannedChange[] | undefined {
  const changes: PlannedChange[] = [];
  for (const [operator, fields] of Object.entries(operators)) {
    if (!FAST_UPDATE_OPERATORS.has(operator) || !isPlainObject(fields)) return undefined;
    for (const [path, operand] of Object.entries(fields)) {
      const parts = path.split('.');
      if (!parts.every((part) => SIMPLE_SEGMENT.test(part))) return undefined;
      changes.push({ operator, parts, operand });
    }
  }
  const paths = changes.map((change) => change.parts.join('.')).sort();
  for (let i = 1; i < paths.length; i += 1) {
    if (paths[i] === paths[i - 1] || paths[i].startsWith(`${paths[i - 1]}.`)) return undefined;
  }
  return changes;
}

function parentOf(doc: Document, parts: string[], create: boolean): Document | undefined {
  let current = doc;
  for (const part of parts.slice(0, -1)) {
    if (current[part] === undefined && create) current[part] = {};
    current = current[part];
    if (!isPlainObject(current)) return undefined;
  }
  return current;
}

function pushedValues(operand: unknown): unknown[] | undefined {
  if (!isPlainObject(operand)) return [operand];
  const keys = Object.keys(operand);
  if (keys.length === 1 && keys[0] === '$each' && Array.isArray(operand.$each)) {
    return operand.$each;
  }
  return keys.some((key) => key.startsWith('$')) ? undefined : [operand];
}

function canApply(doc: Document, { operator, parts, operand }: PlannedChange): boolean {
  let current: unknown = doc;
  for (const part of parts.slice(0, -1)) {
    current = (current as Document)[part];
    if (current === undefined) return true;
    if (!isPlainObject(current)) return false;
  }
  const existing = (current as Document)[parts[parts.length - 1]];
  switch (operator) {
    case '$inc':
      if (existing !== undefined && typeof existing !== 'number' && bracket(existing)) {
        throw new CommandError('TypeMismatch', `Cannot apply $inc to a value of non-numeric ` +
          `type. The field '${parts.join('.')}' is of type ${typeof existing}`);
      }
      return typeof operand === 'number' &&
        (existing === undefined || typeof existing === 'number');
    case '$min':
    case '$max':
      return existing === undefined || sameBracket(existing, operand);
    case '$push':
    case '$addToSet':
      return pushedValues(operand) !== undefined &&
        (existing === undefined || Array.isArray(existing));
    default:
      return true;
  }
}

function sameBracket(a: unknown, b: unknown): boolean {
  const left = bracket(a);
  const right = bracket(b);
  return left !== undefined && right !== undefined && left[0] === right[0];
}

function apply(doc: Document, { operator, parts, operand }: PlannedChange): void {
  const field = parts[parts.length - 1];
  const parent = parentOf(doc, parts, operator !== '$unset');
  if (!parent) return;
  const existing = parent[field];

  switch (operator) {
    case '$set':
      parent[field] = cloneDocument(operand);
      return;
    case '$unset':
      delete parent[field];
      return;
    case '$inc':
      parent[field] = ((existing as number | undefined) ?? 0) + (operand as number);
      return;
    case '$min':
    case '$max': {
      const order = compareBracketed(operand, existing);
      if (existing === undefined || (operator === '$min' ? order < 0 : order > 0)) {
        parent[field] = cloneDocument(operand);
      }
      return;
    }
    case '$push':
      parent[field] = [
        ...((existing as unknown[]) ?? []),
        ...cloneDocument(pushedValues(operand) ?? []),
      ];
      return;
    case '$addToSet': {
      const current = [...((existing as unknown[]) ?? [])];
      const seen = new Set(current.map(valueKey));
      for (const value of pushedValues(operand) ?? []) {
        if (!seen.has(valueKey(value))) current.push(cloneDocument(value));
        seen.add(valueKey(value));
      }
      parent[field] = current;
    }
  }
}

function compareBracketed(a: unknown, b: unknown): number {
  const left = bracket(a)?.[1] ?? 0;
  const right = bracket(b)?.[1] ?? 0;
  return left < right ? -1 : left > right ? 1 : 0;
}
