import { pino, type Logger } from 'pino';

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
 * The one structured logger. Level comes from LOG_LEVEL (default info; tests default to silent
 * unless LOG_LEVEL is set, so test output stays readable).
 */
export const logger: Logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_TEST_CONTEXT ? 'silent' : 'info'),
  base: { service: 'fray' },
  redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
});
