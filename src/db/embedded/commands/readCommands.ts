import { CommandError } from '../CommandError.ts';
import { isPlainObject, valueKey, valuesAtPath, type Document } from '../documents.ts';
import { runPipeline } from '../mingoEngine.ts';
import type { CommandContext, CommandTable } from './context.ts';
import { asFilter, queryDocuments } from './query.ts';

const UNSUPPORTED_STAGES = new Set(['$out', '$merge', '$currentOp', '$collStats', '$indexStats',
  '$listSessions', '$changeStream', '$planCacheStats', '$search', '$geoNear']);

function namespaceOf(context: CommandContext, collection: unknown): string {
  if (typeof collection !== 'string' || collection === '') {
    throw new CommandError('InvalidNamespace', `Collection name must be a non-empty string`);
  }
  return `${context.db}.${collection}`;
}

function find(command: Document, context: CommandContext): Document {
  const namespace = namespaceOf(context, command.find);
  const collection = context.store.collection(context.db, command.find);
  const docs = queryDocuments(collection, command.filter, {
    sort: command.sort,
    skip: command.skip,
    limit: command.limit,
    projection: command.projection,
    collation: command.collation,
  });
  const isSingleBatch = command.singleBatch === true || (command.limit ?? 0) < 0;
  return context.cursors.open(namespace, docs, { batchSize: command.batchSize, isSingleBatch });
}

function getMore(command: Document, context: CommandContext): Document {
  const namespace = namespaceOf(context, command.collection);
  return context.cursors.getMore(Number(command.getMore), namespace, command.batchSize);
}

function killCursors(command: Document, context: CommandContext): Document {
  const ids = Array.isArray(command.cursors) ? command.cursors.map(Number) : [];
  return context.cursors.kill(ids);
}

function count(command: Document, context: CommandContext): Document {
  const collection = context.store.collection(context.db, command.count);
  const docs = queryDocuments(collection, command.query, {
    skip: command.skip,
    limit: command.limit,
    collation: command.collation,
  });
  return { n: docs.length, ok: 1 };
}

function distinct(command: Document, context: CommandContext): Document {
  if (typeof command.key !== 'string') {
    throw new CommandError('TypeMismatch', 'distinct needs a string "key"');
  }
  const collection = context.store.collection(context.db, command.distinct);
  const docs = queryDocuments(collection, command.query, { collation: command.collation });
  const seen = new Map<string, unknown>();
  const path = command.key.split('.');
  for (const doc of docs) {
    for (const value of valuesAtPath(doc, path)) {
      if (value !== undefined && !seen.has(valueKey(value))) seen.set(valueKey(value), value);
    }
  }
  return { values: [...seen.values()], ok: 1 };
}

function assertPipeline(pipeline: unknown): Document[] {
  if (!Array.isArray(pipeline) || !pipeline.every(isPlainObject)) {
    throw new CommandError('TypeMismatch', "'pipeline' option must be specified as an array");
  }
  for (const stage of pipeline) {
    const name = Object.keys(stage)[0] ?? '';
    if (UNSUPPORTED_STAGES.has(name)) {
      throw new CommandError(
        'NotImplemented',
        `Aggregation stage ${name} is not supported by the embedded server`,
      );
    }
  }
  return pipeline;
}

function aggregate(command: Document, context: CommandContext): Document {
  const pipeline = assertPipeline(command.pipeline);
  if (command.explain) {
    throw new CommandError('NotImplemented', 'explain is not supported by the embedded server');
  }
  if (!isPlainObject(command.cursor)) {
    throw new CommandError(
      'FailedToParse',
      "The 'cursor' option is required, except for aggregate with the explain argument",
    );
  }
  const namespace = namespaceOf(context, command.aggregate);
  const collection = context.store.collection(context.db, command.aggregate);
  const first = command.collation ? undefined : pipeline[0]?.$match;
  const source = collection ? [...collection.candidates(asFilter(first))] : [];

  const docs = runPipeline(source, pipeline, {
    collation: command.collation,
    variables: command.let,
    collectionResolver: (name: string) => [
      ...(context.store.collection(context.db, name)?.docs.values() ?? []),
    ],
  });
  return context.cursors.open(namespace, docs, { batchSize: command.cursor.batchSize });
}

export const READ_COMMANDS: CommandTable = {
  find,
  getMore,
  killCursors,
  count,
  distinct,
  aggregate,
};
