import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { ConfigError, loadConfig, type Config } from './core/config.ts';
import { logger } from './core/logger.ts';
import { startGameServer, type GameServer } from './server.ts';

const SHUTDOWN_DEADLINE_MS = 20_000;

/** An expected start-up failure: logged as one line with a hint and no stack. */
class StartRefusal extends Error {
  readonly hint: string;
  readonly fields: Record<string, unknown>;

  constructor(message: string, hint: string, fields: Record<string, unknown> = {}) {
    super(message);
    this.name = 'StartRefusal';
    this.hint = hint;
    this.fields = fields;
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  logger.info(
    { version: process.env.npm_package_version, port: config.PORT, nodeEnv: config.NODE_ENV },
    'start',
  );
  await checkDataDir(config);
  // Probing first keeps a taken port from starting the database and from a second log line.
  await checkPortFree(config);
  const starting = startGameServer({ config, logger }).catch((error: unknown) => {
    throw listenRefusal(error, config) ?? databaseRefusal(error) ?? error;
  });
  let stopping: Promise<void> | undefined;

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutdown requested');
    stopping ??= starting.then(stopWithDeadline).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // Taken before the server says "listening": until a listener exists, a signal kills the
  // process outright, skipping the save of live runs.
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  await starting;
}

/** DATA_DIR, when something is kept there, must be a folder we can write, or be creatable. */
async function checkDataDir(config: Config): Promise<void> {
  const isUnused = config.MONGODB_URI !== undefined && config.TOKEN_SECRET !== undefined;
  if (config.DATA_DIR === ':memory:' || isUnused) return;
  const hint = 'Set DATA_DIR to a folder this process may write (created when missing), ' +
    'or to :memory: to keep nothing';
  const fields = { variable: 'DATA_DIR', value: config.DATA_DIR };

  let path = resolve(config.DATA_DIR);
  let stats = await stat(path).catch(() => undefined);
  while (stats === undefined && dirname(path) !== path) {
    path = dirname(path);
    stats = await stat(path).catch(() => undefined);
  }
  const where = path === resolve(config.DATA_DIR) ? '' : ` (at "${path}")`;
  if (stats !== undefined && !stats.isDirectory()) {
    const reason = `DATA_DIR "${config.DATA_DIR}" is not a folder: a file is in the way${where}`;
    throw new StartRefusal(reason, hint, fields);
  }
  if (!(await access(path, constants.W_OK).then(() => true, () => false))) {
    const reason = `DATA_DIR "${config.DATA_DIR}" is read-only for this process${where}`;
    throw new StartRefusal(reason, hint, fields);
  }
}

/** Binds PORT on HOST for a moment, so a taken port is refused before anything starts. */
async function checkPortFree(config: Config): Promise<void> {
  if (config.PORT === 0) return;
  const probe = createServer();
  await new Promise<void>((resolveBound, reject) => {
    probe.once('error', reject);
    probe.listen(config.PORT, config.HOST, resolveBound);
  }).catch((error: unknown) => {
    throw listenRefusal(error, config) ?? error;
  });
  await new Promise((resolveClosed) => probe.close(resolveClosed));
}

/** The refusal for a bind failure we can explain, or undefined for any other error. */
function listenRefusal(error: unknown, config: Config): StartRefusal | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const { PORT: port, HOST: host } = config;
  const fields = { port, host, code };
  const hostHint = 'Set HOST to an address of this machine, such as 127.0.0.1 or 0.0.0.0';
  switch (code) {
    case 'EADDRINUSE':
      return new StartRefusal(`Port ${port} on ${host} is already in use`,
        `Set PORT to a free port (PORT=0 picks one), or stop what listens on ${port}`, fields);
    case 'EACCES':
      return new StartRefusal(`Port ${port} on ${host} needs privileges this process lacks`,
        'Set PORT to a free port from 1024 to 65535', fields);
    case 'EADDRNOTAVAIL':
      return new StartRefusal(`HOST "${host}" is not an address of this machine`, hostHint,
        fields);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new StartRefusal(`HOST "${host}" does not resolve to an address`, hostHint, fields);
    default:
      return undefined;
  }
}

/** The refusal for a MONGODB_URI the driver cannot parse or reach, or undefined. */
function databaseRefusal(error: unknown): StartRefusal | undefined {
  const { name, message } = (error ?? {}) as { name?: string; message?: string };
  const fields = { variable: 'MONGODB_URI' };
  const hint = 'Correct MONGODB_URI and check that its database runs, or unset it to use the ' +
    'embedded database';
  if (name === 'MongoParseError' || name === 'MongoInvalidArgumentError') {
    return new StartRefusal(`MONGODB_URI is not a usable connection string: ${message}`, hint,
      fields);
  }
  if (name === 'MongooseServerSelectionError' || name === 'MongoServerSelectionError') {
    return new StartRefusal(`The database at MONGODB_URI did not answer: ${message}`, hint, fields);
  }
  return undefined;
}

function stopWithDeadline(server: GameServer): Promise<void> {
  const deadline = new Promise<never>((_, reject) => {
    setTimeout(() => reject(new Error('Shutdown took too long')), SHUTDOWN_DEADLINE_MS).unref();
  });
  return Promise.race([server.stop(), deadline]);
}

/** Expected failures get one line with a hint; anything else is logged with its stack. */
function logStartFailure(error: unknown): void {
  if (error instanceof ConfigError) {
    const variables = error.problems.map((problem) => problem.variable);
    logger.error({ reason: error.message, hint: error.hint, variables }, 'start refused');
  } else if (error instanceof StartRefusal) {
    logger.error({ reason: error.message, hint: error.hint, ...error.fields }, 'start refused');
  } else {
    logger.error({ err: error }, 'start failed');
  }
}

process.on('unhandledRejection', (reason) => {
  logger.error({ err: reason }, 'unhandled rejection');
});

main().catch((error: unknown) => {
  logStartFailure(error);
  process.exit(1);
});
