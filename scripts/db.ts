import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/core/config.ts';
import { logger } from '../src/core/logger.ts';
import { startEmbeddedMongo } from '../src/db/embedded/index.ts';

const DEFAULT_PORT = 27017;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: String(DEFAULT_PORT) },
    dbpath: { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be an integer from 0 to 65535, got "${values.port}"`);
  process.exit(2);
}
const dbPath = values.dbpath ?? join(loadConfig().DATA_DIR, 'db');

// A process of its own has no game loop to protect, so the server runs on the main thread.
const server = await startEmbeddedMongo({ dbPath, port, thread: 'main' }).catch((error: Error) => {
  console.error(`db failed: ${error.message}`);
  process.exit(1);
});
console.log(`Embedded MongoDB-compatible server ready at ${server.uri} (data in ${dbPath})`);

let isStopping = false;
async function shutdown(signal: string): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  logger.info({ signal }, 'embedded database shutdown begun');
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
