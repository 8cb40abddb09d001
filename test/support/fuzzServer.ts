import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Config } from '../../src/core/config.ts';
import { REDACTED_PATHS, type Logger } from '../../src/core/logger.ts';
import { startTestGame, type TestGame } from './gameServer.ts';

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

export interface HostileGame extends TestGame {
  log: CapturedLog;
}

/**
 * The whole game server (as `startTestGame` builds it) with its logger captured in memory, for
 * tests that attack it and then read what it logged.
 */
export async function startHostileGame(overrides: Partial<Config> = {}): Promise<HostileGame> {
  const { logger, log } = captureLogger();
  return { ...(await startTestGame(overrides, logger)), log };
}
