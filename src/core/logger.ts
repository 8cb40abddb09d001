import { pino, type Logger } from 'pino';
import { LOG_LEVELS, type LogLevel } from './config.ts';

export type { Logger };

/** Fields never written to the log as they are; tests build their loggers with the same list. */
export const REDACTED_PATHS = [
  'password',
  'token',
  'authorization',
  '*.password',
  '*.token',
  '*.authorization',
  'req.headers.authorization',
];

/**
 * LOG_LEVEL when it names a level; unset or empty gives info (silent under the test runner).
 * An unknown name also gives info here, so that loadConfig's refusal of it gets printed.
 */
function levelFrom(env: NodeJS.ProcessEnv): LogLevel {
  const requested = env.LOG_LEVEL?.trim() ?? '';
  if (requested === '') return env.NODE_TEST_CONTEXT ? 'silent' : 'info';
  return LOG_LEVELS.find((level) => level === requested) ?? 'info';
}

/**
 * The one structured logger. Level comes from LOG_LEVEL (default info; tests default to silent
 * unless LOG_LEVEL is set, so test output stays readable).
 */
export const logger: Logger = pino({
  level: levelFrom(process.env),
  base: { service: 'fray' },
  redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
});
