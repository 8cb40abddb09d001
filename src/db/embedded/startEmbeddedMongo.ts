import { once } from 'node:events';
import type { EventLoopUtilization } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { logger } from '../../core/logger.ts';

export interface EmbeddedMongoOptions {
  /** A data directory, or ':memory:' for a server that forgets everything on stop. */
  dbPath: string;
  /** 0 (the default) picks a free ephemeral port. */
  port?: number;
  host?: '127.0.0.1';
  /**
   * 'worker' (the default) runs the server on its own thread, so query and journal work never
   * stalls the caller's event loop; 'main' runs it on the caller's thread.
   */
  thread?: 'worker' | 'main';
  /** Journal size that triggers compaction; small values are for tests. */
  compactBytes?: number;
}

export interface EmbeddedMongo {
  uri: string;
  port: number;
  stop(): Promise<void>;
  /**
   * How busy the thread running the server has been (the caller's own thread when
   * `thread: 'main'`). Pass an earlier reading to get the figures since then.
   */
  eventLoopUtilization(since?: EventLoopUtilization): EventLoopUtilization;
}

type WorkerReport = { type: 'listening'; port: number } | { type: 'failed'; message: string };

const log = logger.child({ component: 'embedded-mongo' });

/** Starts the MongoDB-compatible server and resolves once it accepts connections. */
export async function startEmbeddedMongo(options: EmbeddedMongoOptions): Promise<EmbeddedMongo> {
  // Imported lazily, so a caller using the worker never loads the query engine itself.
  const server = options.thread === 'main'
    ? await (await import('./startInThisThread.ts')).startInThisThread(options)
    : await startInWorker(options);
  log.info({ port: server.port, dbPath: options.dbPath, thread: options.thread ?? 'worker' },
    'embedded database listening');
  return server;
}

async function startInWorker(options: EmbeddedMongoOptions): Promise<EmbeddedMongo> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: options });
  worker.on('error', (err) => log.error({ err }, 'embedded database worker crashed'));
  const exited = once(worker, 'exit');

  const [report] = (await Promise.race([
    once(worker, 'message'),
    exited.then(() => [{ type: 'failed', message: 'worker exited during start-up' }]),
  ])) as [WorkerReport];
  if (report.type === 'failed') {
    await worker.terminate();
    throw new Error(`Embedded database failed to start: ${report.message}`);
  }

  const host = options.host ?? '127.0.0.1';
  return {
    uri: `mongodb://${host}:${report.port}/`,
    port: report.port,
    stop: async () => {
      worker.postMessage('stop');
      await exited;
      log.info({ port: report.port }, 'embedded database stopped');
    },
    eventLoopUtilization: (since) => worker.performance.eventLoopUtilization(since),
  };
}
