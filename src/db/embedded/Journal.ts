import { mkdir, open, readFile, rename, truncate, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { deserialize, serialize } from 'bson';
import { logger } from '../../core/logger.ts';
import { CommandError } from './CommandError.ts';
import { lockDirectory, unlockDirectory } from './directoryLock.ts';
import type { JournalSink, Store } from './Store.ts';
import type { Document } from './documents.ts';

const JOURNAL_FILE = 'journal.fray';
const COMPACT_FILE = 'journal.fray.compacting';
/** Each record: payload length (u32 LE), CRC-32 of the payload (u32 LE), BSON payload. */
const RECORD_HEADER_BYTES = 8;
const DEFAULT_COMPACT_BYTES = 64 * 1024 * 1024;
const DESERIALIZE_OPTIONS = { promoteBuffers: false } as const;

const log = logger.child({ component: 'embedded-mongo' });

export interface JournalOptions {
  /** Compact once the journal passes this size and twice its size after the last compaction. */
  compactBytes?: number;
}

interface Batch {
  frames: Buffer[];
  promise: Promise<void>;
  resolve(): void;
  reject(error: Error): void;
}

/**
 * The write-ahead journal of a data directory. Writers append records, then await `sync()`,
 * which resolves once a write and fdatasync covering them finished: concurrent writers share
 * one fdatasync (group commit). Start-up replays the file, cutting off a torn last record.
 */
export class Journal implements JournalSink {
  readonly #dir: string;
  readonly #store: Store;
  readonly #compactBytes: number;
  #file: FileHandle;
  #sizeBytes: number;
  #compactedBytes: number;
  #next: Batch | undefined;
  #inFlight: Batch | undefined;
  #failure: Error | undefined;

  private constructor(dir: string, store: Store, file: FileHandle, sizeBytes: number,
    options: JournalOptions) {
    this.#dir = dir;
    this.#store = store;
    this.#file = file;
    this.#sizeBytes = sizeBytes;
    this.#compactedBytes = sizeBytes;
    this.#compactBytes = options.compactBytes ?? DEFAULT_COMPACT_BYTES;
  }

  /** Replays the directory's journal into the store, then opens it for appending. */
  static async open(dir: string, store: Store, options: JournalOptions = {}): Promise<Journal> {
    await mkdir(dir, { recursive: true });
    await lockDirectory(dir);
    const path = join(dir, JOURNAL_FILE);
    const validBytes = await replay(path, store);
    const file = await open(path, 'a');
    const journal = new Journal(dir, store, file, validBytes, options);
    store.attach(journal);
    return journal;
  }

  get sizeBytes(): number {
    return this.#sizeBytes;
  }

  append(record: Document): void {
    // Batches start on a microtask, so the records of one command share one fdatasync.
    if (!this.#next) {
      this.#next = createBatch();
      queueMicrotask(() => this.#pump());
    }
    this.#next.frames.push(...encodeRecord(record));
  }

  sync(): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    return (this.#next ?? this.#inFlight)?.promise ?? Promise.resolve();
  }

  async close(): Promise<void> {
    await this.sync().catch(() => {});
    await this.#file.close();
    await unlockDirectory(this.#dir);
  }

  /** Writes batches one after another until none is waiting. */
  #pump(): void {
    if (this.#inFlight || !this.#next) return;
    const batch = this.#next;
    this.#next = undefined;
    this.#inFlight = batch;

    this.#persist(batch).then(
      () => batch.resolve(),
      (error: Error) => this.#fail(batch, error),
    ).finally(() => {
      this.#inFlight = undefined;
      this.#pump();
    });
  }

  async #persist(batch: Batch): Promise<void> {
    if (this.#failure) throw this.#failure;
    if (this.#shouldCompact()) return this.#compact();

    const data = Buffer.concat(batch.frames);
    await this.#file.write(data, 0, data.length);
    await this.#file.datasync();
    this.#sizeBytes += data.length;
  }

  #shouldCompact(): boolean {
    return this.#sizeBytes > this.#compactBytes && this.#sizeBytes > 2 * this.#compactedBytes;
  }

  /**
   * Rewrites the journal as the current state. The snapshot is taken synchronously, so it holds
   * every record appended so far, including the batch being persisted.
   */
  async #compact(): Promise<void> {
    const frames: Buffer[] = [];
    for (const record of this.#store.snapshotRecords()) frames.push(...encodeRecord(record));
    const data = Buffer.concat(frames);

    const tempPath = join(this.#dir, COMPACT_FILE);
    const temp = await open(tempPath, 'w');
    await temp.write(data, 0, data.length);
    await temp.datasync();
    await temp.close();
    await rename(tempPath, join(this.#dir, JOURNAL_FILE));
    await syncDirectory(this.#dir);

    await this.#file.close();
    this.#file = await open(join(this.#dir, JOURNAL_FILE), 'a');
    log.info({ fromBytes: this.#sizeBytes, toBytes: data.length }, 'embedded journal compacted');
    this.#sizeBytes = data.length;
    this.#compactedBytes = data.length;
  }

  #fail(batch: Batch, error: Error): void {
    if (!this.#failure) log.error({ err: error }, 'embedded journal write failed');
    this.#failure ??= new CommandError('InternalError',
      `Journal write failed, the server refuses writes until restarted: ${error.message}`);
    batch.reject(this.#failure);
  }
}

function createBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  promise.catch(() => {});
  return { frames: [], promise, resolve, reject };
}

function encodeRecord(record: Document): Buffer[] {
  const payload = Buffer.from(serialize(record));
  const header = Buffer.allocUnsafe(RECORD_HEADER_BYTES);
  header.writeUInt32LE(payload.length, 0);
  header.writeUInt32LE(crc32(payload), 4);
  return [header, payload];
}

/** Applies every intact record and returns the length of the intact prefix. */
async function replay(path: string, store: Store): Promise<number> {
  const data = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return Buffer.alloc(0);
    throw error;
  });

  let offset = 0;
  let records = 0;
  while (offset + RECORD_HEADER_BYTES <= data.length) {
    const length = data.readUInt32LE(offset);
    const end = offset + RECORD_HEADER_BYTES + length;
    if (end > data.length) break;
    const payload = data.subarray(offset + RECORD_HEADER_BYTES, end);
    if (crc32(payload) !== data.readUInt32LE(offset + 4)) break;
    store.applyRecord(deserialize(payload, DESERIALIZE_OPTIONS));
    offset = end;
    records += 1;
  }

  if (offset < data.length) {
    log.warn({ path, keptBytes: offset, droppedBytes: data.length - offset },
      'embedded journal had a torn tail, truncated');
    await truncate(path, offset);
  }
  log.info({ path, records, bytes: offset }, 'embedded journal replayed');
  return offset;
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
