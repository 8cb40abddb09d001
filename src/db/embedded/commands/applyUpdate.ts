import { ObjectId } from 'bson';
import { CommandError } from '../CommandError.ts';
import { cloneDocument, isPlainObject, valueKey, type Document } from '../documents.ts';
import { runPipeline, updateInPlace } from '../mingoEngine.ts';

const UPDATE_OPERATORS = new Set([
  '$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$push', '$pull', '$pullAll',
  '$addToSet', '$pop', '$bit', '$currentDate', '$setOnInsert',
]);
const PIPELINE_STAGES = new Set([
  '$addFields', '$set', '$project', '$unset', '$replaceRoot', '$replaceWith',
]);

export interface UpdateOptions {
  arrayFilters?: Document[];
  /** The filter that selected the document, for the positional `$` operator. */
  query: Document;
  /** True when the update builds a new document for an upsert. */
  isInsert: boolean;
}

/**
 * Applies an update (operators, replacement or pipeline) to a copy of the document and returns
 * the copy; the `_id` must not change.
 */
export function applyUpdate(doc: Document, spec: unknown, options: UpdateOptions): Document {
  const next = computeUpdate(doc, spec, options);
  if (doc._id !== undefined && valueKey(next._id) !== valueKey(doc._id)) {
    throw new CommandError(
      'ImmutableField',
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    );
  }
  if (next._id === undefined && doc._id !== undefined) return { _id: doc._id, ...next };
  return next;
}

function computeUpdate(doc: Document, spec: unknown, options: UpdateOptions): Document {
  if (Array.isArray(spec)) return applyPipeline(doc, spec);
  if (!isPlainObject(spec)) {
    throw new CommandError('FailedToParse', 'Update argument must be either an object or an array');
  }
  if (isOperatorUpdate(spec)) return applyOperatorUpdate(doc, spec, options);
  return applyReplacement(doc, spec);
}

/** True when the update's first field is an operator; MongoDB decides on that field alone. */
export function isOperatorUpdate(spec: Document): boolean {
  const first = Object.keys(spec)[0];
  return first !== undefined && first.startsWith('$');
}

function applyOperatorUpdate(doc: Document, spec: Document, options: UpdateOptions): Document {
  const operators: Document = {};
  for (const [name, fields] of Object.entries(spec)) {
    if (!UPDATE_OPERATORS.has(name)) {
      throw new CommandError(
        'FailedToParse',
        `Unknown modifier: ${name}. Expected a valid update modifier or pipeline-style ` +
          'update specified as an array',
      );
    }
    if (name === '$setOnInsert') {
      if (options.isInsert) operators.$set = { ...operators.$set, ...fields };
      continue;
    }
    operators[name] = name === '$set' ? { ...operators.$set, ...fields } : fields;
  }

  const next = cloneDocument(doc);
  if (Object.keys(operators).length === 0) return next;
  // The filter serves the positional `$`; an upsert's seed need not satisfy it.
  const condition = options.isInsert ? undefined : options.query;
  updateInPlace(next, operators, options.arrayFilters, condition);
  return next;
}

function applyReplacement(doc: Document, spec: Document): Document {
  for (const key of Object.keys(spec)) {
    if (key.startsWith('$')) {
      throw new CommandError(
        'FailedToParse',
        `The dollar ($) prefixed field '${key}' in a replacement document is not valid`,
      );
    }
  }
  const next = cloneDocument(spec);
  return doc._id === undefined ? next : { _id: next._id ?? doc._id, ...next };
}

function applyPipeline(doc: Document, stages: unknown[]): Document {
  for (const stage of stages) {
    const name = isPlainObject(stage) ? Object.keys(stage)[0] : undefined;
    if (!name || !PIPELINE_STAGES.has(name)) {
      throw new CommandError(
        'BadValue',
        `${name ?? 'A non-object stage'} is not allowed to be used within an update`,
      );
    }
  }
  const [result] = runPipeline([doc], stages as Document[]);
  return result;
}

/**
 * The document an upsert starts from: the filter's equality conditions on plain fields, with an
 * `_id` of its own when the filter gives none.
 */
export function upsertSeed(filter: Document): Document {
  const seed: Document = {};
  collectEqualities(filter, seed);
  const dotted = Object.keys(seed).filter((key) => key.includes('.'));
  const base: Document = {};
  for (const [key, value] of Object.entries(seed)) if (!key.includes('.')) base[key] = value;
  if (dotted.length > 0) {
    const sets = Object.fromEntries(dotted.map((key) => [key, seed[key]]));
    updateInPlace(base, { $set: sets }, undefined, undefined);
  }
  return base;
}

/** The document with its `_id` first, generated when missing, as mongod stores it. */
export function withId(doc: Document): Document {
  const { _id: id, ...rest } = doc;
  return { _id: id === undefined ? new ObjectId() : id, ...rest };
}

function collectEqualities(filter: Document, seed: Document): void {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const clause of value) if (isPlainObject(clause)) collectEqualities(clause, seed);
      continue;
    }
    if (key.startsWith('$')) continue;
    if (isPlainObject(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === '$eq') seed[key] = cloneDocument(value.$eq);
      else if (!keys.some((k) => k.startsWith('$'))) seed[key] = cloneDocument(value);
      continue;
    }
    if (!(value instanceof RegExp)) seed[key] = cloneDocument(value);
  }
}
