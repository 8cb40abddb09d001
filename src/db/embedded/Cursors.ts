import { calculateObjectSize, Long } from 'bson';
import { CommandError } from './CommandError.ts';
import type { Document } from './documents.ts';

const DEFAULT_FIRST_BATCH = 101;
/** mongod stops filling a batch at 16 MiB, so a reply stays under the message size limit. */
const BATCH_BYTES = 16 * 1024 * 1024;
/** Idle cursors are dropped after this long, like mongod's default cursor timeout. */
const CURSOR_IDLE_MS = 10 * 60_000;

interface OpenCursor {
  namespace: string;
  docs: Document[];
  position: number;
  lastUsedMs: number;
}

export interface BatchOptions {
  batchSize?: number;
  isSingleBatch?: boolean;
}

/**
 * Open cursors by id. Results are computed in full when the cursor opens, so a cursor is a
 * snapshot; `getMore` hands out the next slice.
 */
export class Cursors {
  readonly #open = new Map<number, OpenCursor>();
  #nextId = 1;

  get size(): number {
    return this.#open.size;
  }

  /** Answers a cursor-returning command with its first batch, keeping the rest if any. */
  open(namespace: string, docs: Document[], options: BatchOptions = {}): Document {
    const end = batchEnd(docs, 0, options.batchSize ?? DEFAULT_FIRST_BATCH);
    const firstBatch = docs.slice(0, end);
    let id = 0;
    if (!options.isSingleBatch && docs.length > end) {
      this.#sweep();
      id = this.#nextId++;
      this.#open.set(id, { namespace, docs, position: end, lastUsedMs: Date.now() });
    }
    return { cursor: { firstBatch, id: Long.fromNumber(id), ns: namespace }, ok: 1 };
  }

  getMore(id: number, namespace: string, batchSize: number | undefined): Document {
    const cursor = this.#open.get(id);
    if (!cursor) throw new CommandError('CursorNotFound', `cursor id ${id} not found`);
    if (cursor.namespace !== namespace) {
      throw new CommandError(
        'BadValue',
        `Requested getMore on namespace '${namespace}', ` +
          `but cursor belongs to '${cursor.namespace}'`,
      );
    }

    const end = batchEnd(cursor.docs, cursor.position, batchSize || Infinity);
    const nextBatch = cursor.docs.slice(cursor.position, end);
    cursor.position = end;
    cursor.lastUsedMs = Date.now();
    const isDone = cursor.position >= cursor.docs.length;
    if (isDone) this.#open.delete(id);
    return { cursor: { nextBatch, id: Long.fromNumber(isDone ? 0 : id), ns: namespace }, ok: 1 };
  }

  kill(ids: number[]): Document {
    const cursorsKilled: Long[] = [];
    const cursorsNotFound: Long[] = [];
    for (const id of ids) {
      (this.#open.delete(id) ? cursorsKilled : cursorsNotFound).push(Long.fromNumber(id));
    }
    return { cursorsKilled, cursorsNotFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
  }

  #sweep(): void {
    const oldestMs = Date.now() - CURSOR_IDLE_MS;
    for (const [id, cursor] of this.#open) {
      if (cursor.lastUsedMs < oldestMs) this.#open.delete(id);
    }
  }
}

/** End index of the batch starting at `start`: at most `count` documents and about 16 MiB. */
function batchEnd(docs: Document[], start: number, count: number): number {
  let bytes = 0;
  let end = start;
  while (end < docs.length && end - start < count) {
    bytes += calculateObjectSize(docs[end]);
    if (bytes > BATCH_BYTES && end > start) break;
    end += 1;
  }
  return end;
}
