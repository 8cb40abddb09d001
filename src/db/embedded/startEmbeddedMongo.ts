import { logger } from '../../core/logger.ts';
import { EmbeddedServer } from './EmbeddedServer.ts';
import { Store } from './Store.ts';

export interface EmbeddedMongoOptions {
  /** A data directory, or ':memory:' for a server that forgets everything on stop. */
  dbPath: string;
  /** 0 (the default) picks a free ephemeral port. */
  port?: number;
  host?: '127.0.0.1';
}

export interface EmbeddedMongo {
  uri: string;
  port: number;
  stop(): Promise<void>;
}

const log = logger.child({ component: 'embedded-mongo' });

/** Starts the MongoDB-compatible server and resolves once it accepts connections. */
export async function startEmbeddedMongo(options: EmbeddedMongoOptions): Promise<EmbeddedMongo> {
  const host = options.host ?? '127.0.0.1';
  const store = new Store();
  const server = new EmbeddedServer(store);
  const port = await server.listen({ host, port: options.port ?? 0 });
  const uri = `mongodb://${host}:${port}/`;
  log.info({ port, dbPath: options.dbPath }, 'embedded database listening');

  return {
    uri,
    port,
    stop: async () => {
      await server.close();
      log.info({ port }, 'embedded database stopped');
    },
  };
}
