import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { loadConfig, type Config } from '../../src/core/config.ts';
import { REDACTED_PATHS, type Logger } from '../../src/core/logger.ts';
import { startGameServer, type GameServer } from '../../src/server.ts';
import { FrayClient, type Session } from '../../src/client/FrayClient.ts';
import { startTestDatabase } from './database.ts';


export interface CapturedLog {
  /** Every line the server logged, as raw text (what an operator would see). */
  lines: string[];
  entries(): Array<Record<string, unknown>>;
  /** Entries at error level or above. */
  errors(): Array<Record<string, unknown>>;
}

/** A pino logger at `level` whose lines are kept in memory. */
export function captureLogger(level = 'debug'): { logger: Logger; log: CapturedLog } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const redact = { paths: [...REDACTED_PATHS], censor: '[redacted]' };
  const logger = pino({ level, redact }, sink);
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const errors = () => entries().filter((entry) => Number(entry.level) >= 50);
  return { logger, log: { lines, entries, errors } };
}

export interface HostileGame {
  server: GameServer;
  log: CapturedLog;
  newPlayer(prefix?: string): Promise<{ client: FrayClient; session: Session }>;
  stop(): Promise<void>;
}

/**
 * The whole game server on 127.0.0.1 and an ephemeral port with a logger captured in memory,
 * for tests that attack it and then read what it logged.
 */
export async function startHostileGame(overrides: Partial<Config> = {}): Promise<HostileGame> {
  const database = await startTestDatabase('hostile');
  const { logger, log } = captureLogger();
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: ':memory:',
    BATTLE_PACING_MS: '5',
    VOTE_TIMEOUT_MS: '200',
    RECONNECT_WINDOW_S: '2',
  });
  const server = await startGameServer({
    config: { ...config, MONGODB_URI: database.uri, ...overrides },
    logger,
    authRateLimits: { registrationsPerAddress: 10_000 },
  });
  return {
    server,
    log,
    newPlayer: async (prefix = 'p') => {
      const client = new FrayClient(server.httpUrl);
      const username = `${prefix}_${randomBytes(5).toString('hex')}`;
      const session = await client.register(username, `pw-${randomBytes(8).toString('hex')}`);
      return { client, session };
    },
    stop: async () => {
      await server.stop();
      await database.stop();
    },
  };
}
