import type { LoadTestSummary } from './runLoadTest.ts';

/** The harness's exit codes; `harnessFailed` covers bad options and the harness's own crash. */
export const EXIT_CODES = { passed: 0, failed: 1, harnessFailed: 2 } as const;
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/**
 * Judges a finished load test: it passed only if no bot failed, no error of any code was
 * counted, and the server's own figures could be read.
 */
export function verdict(summary: LoadTestSummary): ExitCode {
  const hasErrors = summary.bots.failed > 0 || Object.keys(summary.errors).length > 0;
  const lacksServer = 'error' in summary.server;
  return hasErrors || lacksServer ? EXIT_CODES.failed : EXIT_CODES.passed;
}
