/**
 * The embedded MongoDB-compatible server on its own, until SIGINT or SIGTERM.
 *   npm run db -- [--port P] [--dbpath DIR]
 * Exits 1 when the server cannot start, 2 on a bad command line.
 */
import { join } from 'node:path';
import { loadConfig } from '../src/core/config.ts';
import { logger } from '../src/core/logger.ts';
import { startEmbeddedMongo } from '../src/db/embedded/index.ts';
import { integerOption, parseCommandLine, withUsage } from './commandLine.ts';

const DEFAULT_PORT = 27017;
const USAGE = `Usage: npm run db -- [--port P (default ${DEFAULT_PORT}; 0 picks a free one)] ` +
  '[--dbpath DIR (default DATA_DIR/db)]';

const { port, dbpath } = withUsage(USAGE, () => {
  const { values } = parseCommandLine({
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      dbpath: { type: 'string' },
    },
  });
  return { port: integerOption('--port', values.port, 0, 65535), dbpath: values.dbpath };
});
// Only DATA_DIR matters here, so a setting meant for the game server cannot stop this one.
const dbPath = dbpath ?? join(loadConfig({ DATA_DIR: process.env.DATA_DIR }).DATA_DIR, 'db');

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
