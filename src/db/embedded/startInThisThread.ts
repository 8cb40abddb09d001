import { performance } from 'node:perf_hooks';
import { EmbeddedServer } from './EmbeddedServer.ts';
import { Journal } from './Journal.ts';
import { Store } from './Store.ts';
import type { EmbeddedMongo, EmbeddedMongoOptions } from './startEmbeddedMongo.ts';

/** Runs the server on the calling thread; the worker entry uses this too. */
export async function startInThisThread(options: EmbeddedMongoOptions): Promise<EmbeddedMongo> {
  const host = options.host ?? '127.0.0.1';
  const store = new Store();
  const journal = options.dbPath === ':memory:'
    ? undefined
    : await Journal.open(options.dbPath, store, { compactBytes: options.compactBytes });

  const server = new EmbeddedServer(store);
  const port = await server.listen({ host, port: options.port ?? 0 }).catch(async (error) => {
    await journal?.close();
    throw error;
  });
  return {
    uri: `mongodb://${host}:${port}/`,
    port,
    stop: async () => {
      await server.close();
      await journal?.close();
    },
    eventLoopUtilization: (since) => performance.eventLoopUtilization(since),
  };
}
