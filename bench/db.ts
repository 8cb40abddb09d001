import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { MongoClient, type Collection } from 'mongodb';
import { Cursors } from '../src/db/embedded/Cursors.ts';
import { Store } from '../src/db/embedded/Store.ts';
import { runCommand } from '../src/db/embedded/commands/runCommand.ts';
import type { Document } from '../src/db/embedded/documents.ts';
import { startEmbeddedMongo, type EmbeddedMongo } from '../src/db/embedded/index.ts';
import { integerOption, parseCommandLine, withUsage } from '../scripts/commandLine.ts';

const USAGE = 'Usage: [BENCH_ROUNDS=N (default 5)] npm run bench:db -- [--main-thread]';
const { ROUNDS, thread } = withUsage(USAGE, () => {
  const { values } = parseCommandLine({ options: { 'main-thread': { type: 'boolean' } } });
  return {
    ROUNDS: integerOption('BENCH_ROUNDS', process.env.BENCH_ROUNDS ?? '5', 1, 100),
    thread: values['main-thread'] ? 'main' as const : 'worker' as const,
  };
});
const INSERTS = 2_000;
const FIND_ONES = 10_000;
const SEEDED_DOCS = 1_000;
const CONCURRENCY = 100;
const UPDATES_PER_WORKER = 30;
const SCAN_DOCS = 20_000;
const SCANS = 5;

type Doc = { _id: number; name: string; gold: number; tags: string[] };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function opsPerSecond(count: number, run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return Math.round(count / ((performance.now() - start) / 1000));
}

/** Share of the phase the server's thread spent working, in percent. */
async function serverBusy<T>(server: EmbeddedMongo, run: () => Promise<T>): Promise<[T, number]> {
  const before = server.eventLoopUtilization();
  const result = await run();
  return [result, Math.round(server.eventLoopUtilization(before).utilization * 100)];
}

async function measureRound(server: EmbeddedMongo, journalPath: string, round: number) {
  const single = new MongoClient(server.uri, { maxPoolSize: 1 });
  const pooled = new MongoClient(server.uri, { maxPoolSize: CONCURRENCY });
  const docs = single.db('bench').collection<Doc>(`round${round}`);
  const pooledDocs = pooled.db('bench').collection<Doc>(`round${round}`);

  const journalBefore = await journalBytes(journalPath);
  const insertOps = await opsPerSecond(INSERTS, async () => {
    for (let i = 0; i < INSERTS; i += 1) {
      await docs.insertOne({ _id: i, name: `player${i}`, gold: 0, tags: ['bench'] });
    }
  });
  const bytesPerWrite = Math.round((await journalBytes(journalPath) - journalBefore) / INSERTS);

  const admin = single.db('admin');
  const pingOps = await opsPerSecond(FIND_ONES, async () => {
    for (let i = 0; i < FIND_ONES; i += 1) await admin.command({ ping: 1 });
  });
  const [findOneOps, findOneBusy] = await serverBusy(server, () =>
    opsPerSecond(FIND_ONES, async () => {
      for (let i = 0; i < FIND_ONES; i += 1) await docs.findOne({ _id: i % SEEDED_DOCS });
    }));

  // Opens all pooled connections first, so the handshakes stay out of the measurement.
  await allAtOnce(CONCURRENCY, async () => void (await pooledDocs.findOne({ _id: 0 })));
  const [concurrentUpdateOps, updateBusy] = await serverBusy(server, () =>
    opsPerSecond(CONCURRENCY * UPDATES_PER_WORKER, () =>
      allAtOnce(CONCURRENCY, async () => {
        for (let i = 0; i < UPDATES_PER_WORKER; i += 1) await increment(pooledDocs);
      })));

  const sequentialMs = await elapsedMs(async () => {
    for (let i = 0; i < CONCURRENCY; i += 1) await increment(pooledDocs);
  });
  const concurrentMs = await elapsedMs(() => allAtOnce(CONCURRENCY, () => increment(pooledDocs)));

  await Promise.all([single.close(), pooled.close()]);
  return {
    insertOps, pingOps, findOneOps, concurrentUpdateOps, sequentialMs, concurrentMs, bytesPerWrite,
    findOneBusy, updateBusy,
  };
}

/** The server's own cost per command, called directly without driver or socket. */
async function measureServerOnly(): Promise<{ findOne: number; findOneAndUpdate: number }> {
  const store = new Store();
  const context = {
    store, cursors: new Cursors(), db: 'bench', connectionId: 0,
    stats: { connections: 0, startedAtMs: 0 },
  };
  const docs = store.ensureCollection('bench', 'direct');
  for (let i = 0; i < SEEDED_DOCS; i += 1) store.insert(docs, { _id: i, gold: 0 });
  const micros = async (command: (i: number) => Document) => {
    for (let i = 0; i < FIND_ONES; i += 1) await runCommand(command(i), context);
    const start = performance.now();
    for (let i = 0; i < FIND_ONES; i += 1) await runCommand(command(i), context);
    return Number(((performance.now() - start) * 1000 / FIND_ONES).toFixed(1));
  };
  return {
    findOne: await micros((i) => ({ find: 'direct', filter: { _id: i % SEEDED_DOCS }, limit: 1 })),
    findOneAndUpdate: await micros((i) => ({
      findAndModify: 'direct', query: { _id: i % SEEDED_DOCS }, update: { $inc: { gold: 1 } },
    })),
  };
}

/**
 * The caller's worst event-loop stall while the server runs full-collection aggregations: the
 * figure that decides between running the server on a worker or on the game's own thread.
 */
async function eventLoopStallMs(uri: string): Promise<number> {
  const client = new MongoClient(uri);
  const scans = client.db('bench').collection('scan');
  for (let i = 0; i < SCAN_DOCS; i += 1_000) {
    await scans.insertMany(Array.from({ length: 1_000 }, (_, j) => ({ n: i + j, group: j % 7 })));
  }

  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  for (let i = 0; i < SCANS; i += 1) {
    await scans.aggregate([{ $group: { _id: '$group', total: { $sum: '$n' } } }]).toArray();
  }
  histogram.disable();
  await client.close();
  return Math.round(histogram.max / 1e6);
}

async function increment(docs: Collection<Doc>): Promise<void> {
  await docs.findOneAndUpdate({ _id: 7 }, { $inc: { gold: 1 } }, { returnDocument: 'after' });
}

async function allAtOnce(count: number, task: () => Promise<void>): Promise<void> {
  await Promise.all(Array.from({ length: count }, task));
}

async function elapsedMs(run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function journalBytes(path: string): Promise<number> {
  return (await stat(path)).size;
}

const dbPath = await mkdtemp(join(tmpdir(), 'fray-bench-db-'));
const server = await startEmbeddedMongo({ dbPath, thread });
const rounds: Array<Awaited<ReturnType<typeof measureRound>>> = [];
for (let round = 0; round < ROUNDS; round += 1) {
  rounds.push(await measureRound(server, join(dbPath, 'journal.fray'), round));
}
const stallMs = await eventLoopStallMs(server.uri);
await server.stop();
await rm(dbPath, { recursive: true, force: true });

const pick = (key: keyof (typeof rounds)[number]) => median(rounds.map((round) => round[key]));
const sequentialMs = pick('sequentialMs');
const concurrentMs = pick('concurrentMs');
console.log(JSON.stringify({
  thread,
  rounds: ROUNDS,
  durable: true,
  insertOpsPerSecSingleConnection: pick('insertOps'),
  findOneOpsPerSecSingleConnection: pick('findOneOps'),
  // The same loop with a command that does no work: the driver and socket ceiling.
  pingOpsPerSecSingleConnection: pick('pingOps'),
  serverOnlyMicrosPerOp: await measureServerOnly(),
  findOneAndUpdateOpsPerSecConcurrent100: pick('concurrentUpdateOps'),
  hundredUpdates: {
    sequentialMs: Math.round(sequentialMs),
    concurrentMs: Math.round(concurrentMs),
    speedup: Number((sequentialMs / concurrentMs).toFixed(1)),
  },
  journalBytesPerInsert: pick('bytesPerWrite'),
  // With the server on its own thread, a low figure means the client side was the limit.
  serverThreadBusyPercent: { findOne: pick('findOneBusy'), concurrentUpdates: pick('updateBusy') },
  callerEventLoopMaxDelayMsDuringScans: stallMs,
  loadAverage1m: loadavg()[0],
  targets: { findOneOpsPerSec: 10_000, durableConcurrentUpdatesPerSec: 3_000 },
}, null, 2));
