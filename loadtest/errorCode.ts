import { ApiError } from '../src/client/FrayClient.ts';
import { CommandRejectedError } from '../src/client/RunPlayer.ts';

/** The server's string code at the start of a refused join's message (`CODE: text`). */
const CODE_PREFIX = /^([A-Z][A-Z_]+):/;

/** Codes the harness gives to failures it detects itself, beside the server's and the SDK's. */
export const HARNESS_CODES = {
  /** A room connection closed although neither the bot nor its scenario closed it. */
  connectionLost: 'CONNECTION_LOST',
  /** The server's `/metrics` page could not be read, so the summary lacks its figures. */
  metricsUnavailable: 'METRICS_UNAVAILABLE',
} as const;

/** A stable code for any failure a bot meets, for the summary's `errors` table. */
export function errorCode(error: unknown): string {
  if (error instanceof ApiError || error instanceof CommandRejectedError) return error.code;
  if (!(error instanceof Error)) return 'UNEXPECTED';
  const prefixed = CODE_PREFIX.exec(error.message);
  if (prefixed?.[1]) return prefixed[1];
  if (error.message.startsWith('Timed out')) return 'TIMEOUT';
  if (error.name === 'TimeoutError') return 'HTTP_TIMEOUT';
  if (error.name === 'MatchMakeError') return `MATCHMAKE_${(error as { code?: number }).code}`;
  if (/connection closed|not open/i.test(error.message)) return 'DISCONNECTED';
  return 'UNEXPECTED';
}
