import { Aggregator } from 'mingo/aggregator';
import { Context, ProcessingMode } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Query } from 'mingo/query';
import type { CollationSpec, Options } from 'mingo/types';
import { update, type Modifier } from 'mingo/updater';
import type { Document } from './documents.ts';
import { compileFastFilter, tryFastUpdate } from './fastPaths.ts';

/**
 * One operator context built once. mingo's default entry point rebuilds its context on every
 * call, which cost more than the rest of a findOne; copying from plain objects is cheap.
 */
const CONTEXT = Context.init({
  accumulator: { ...accumulatorOperators },
  expression: { ...expressionOperators },
  pipeline: { ...pipelineOperators },
  projection: { ...projectionOperators },
  query: { ...queryOperators },
  window: { ...windowOperators },
});

/** JavaScript in queries ($where, $function, $accumulator) is refused. */
const BASE_OPTIONS: Partial<Options> = { context: CONTEXT, scriptEnabled: false };

export interface EngineOptions {
  collation?: Document;
  variables?: Document;
  collectionResolver?: (name: string) => Document[];
}

function optionsFor(extra: EngineOptions = {}): Partial<Options> {
  if (!extra.collation && !extra.variables && !extra.collectionResolver) return BASE_OPTIONS;
  return {
    ...BASE_OPTIONS,
    ...(extra.collation && { collation: extra.collation as CollationSpec }),
    ...(extra.variables && { variables: extra.variables }),
    ...(extra.collectionResolver && { collectionResolver: extra.collectionResolver }),
  };
}

/** Something that tells whether a document matches a filter. */
export interface Matcher {
  test(doc: Document): boolean;
}

/** A matcher that uses the fast path where it can and compiles mingo only when needed. */
export function compileFilter(filter: Document, extra?: EngineOptions): Matcher {
  const fast = extra?.collation ? undefined : compileFastFilter(filter);
  if (!fast) return new Query(filter, optionsFor(extra));
  let full: Query | undefined;
  return { test: (doc) => fast(doc) ?? (full ??= new Query(filter, optionsFor(extra))).test(doc) };
}

export interface FindSpec {
  sort?: Document;
  skip?: number;
  limit?: number;
  projection?: Document;
}

/** Filters, sorts, pages and projects documents with MongoDB's find semantics. */
export function findDocuments(
  docs: Document[],
  filter: Document,
  spec: FindSpec,
  extra?: EngineOptions,
): Document[] {
  const hasSort = spec.sort !== undefined && Object.keys(spec.sort).length > 0;
  if (!hasSort && !spec.projection) {
    const matcher = compileFilter(filter, extra);
    const start = spec.skip ?? 0;
    const end = spec.limit ? start + Math.abs(spec.limit) : Infinity;
    const found: Document[] = [];
    for (const doc of docs) {
      if (found.length >= end) break;
      if (matcher.test(doc)) found.push(doc);
    }
    return found.slice(start);
  }
  let cursor = new Query(filter, optionsFor(extra)).find<Document>(docs, spec.projection);
  if (hasSort) cursor = cursor.sort(spec.sort as Document);
  if (spec.skip) cursor = cursor.skip(spec.skip);
  if (spec.limit) cursor = cursor.limit(Math.abs(spec.limit));
  return cursor.all();
}

/** Runs a pipeline over copies of the documents, so stored documents stay untouched. */
export function runPipeline(docs: Document[], pipeline: Document[], extra?: EngineOptions):
  Document[] {
  const options = { ...optionsFor(extra), processingMode: ProcessingMode.CLONE_INPUT };
  return new Aggregator(pipeline, options).run(docs) as Document[];
}

/** Applies update operators to the document in place; `condition` serves the positional `$`. */
export function updateInPlace(
  doc: Document,
  operators: Document,
  arrayFilters: Document[] | undefined,
  condition: Document | undefined,
): void {
  if (tryFastUpdate(doc, operators)) return;
  update(doc, operators as Modifier<Document>, arrayFilters, condition, {
    cloneMode: 'deep',
    queryOptions: BASE_OPTIONS,
  });
}
