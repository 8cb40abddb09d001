import { loadConfig } from './core/config.ts';
import { logger } from './core/logger.ts';
import { startGameServer, type GameServer } from './server.ts';

const SHUTDOWN_DEADLINE_MS = 20_000;

async function main(): Promise<void> {
  const config = loadConfig();
  logger.info(
    { version: process.env.npm_package_version, port: config.PORT, nodeEnv: config.NODE_ENV },
    'start',
  );
  const server = await startGameServer({ config, logger });
  let stopping: Promise<void> | undefined;

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutdown requested');
    stopping ??= stopWithDeadline(server).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

function stopWithDeadline(server: GameServer): Promise<void> {
  const deadline = new Promise<never>((_, reject) => {
    setTimeout(() => reject(new Error('Shutdown took too long')), SHUTDOWN_DEADLINE_MS).unref();
  });
  return Promise.race([server.stop(), deadline]);
}

process.on('unhandledRejection', (reason) => {
  logger.error({ err: reason }, 'unhandled rejection');
});

main().catch((error: unknown) => {
  logger.error({ err: error }, 'start failed');
  process.exit(1);
});
