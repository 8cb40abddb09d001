import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ERROR_CODES, GameError, isGameError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { statusForCode } from './errorStatus.ts';

/** The driver's errors for a database it cannot reach: the request may succeed later. */
const DATABASE_UNREACHABLE = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongooseServerSelectionError',
]);

/** Answers every unmatched route with 404 in the error shape. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new GameError(ERROR_CODES.NOT_FOUND, `Route "${req.method} ${req.path}" not found`));
};

/**
 * The one error funnel: GameErrors become their status and `{ error: { code, message } }`;
 * body-parser failures become 400 or 413; the driver's errors for an unreachable database
 * become 503 UNAVAILABLE; anything else is logged once and answers 500.
 */
export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const gameError = toGameError(error);
    if (gameError.code === ERROR_CODES.INTERNAL) {
      logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    } else if (gameError !== error && gameError.code === ERROR_CODES.UNAVAILABLE) {
      const reason = (error as Error).message;
      logger.warn({ reason, path: req.path }, 'request failed: database unreachable');
    } else {
      logger.debug({ code: gameError.code, path: req.path }, 'request rejected');
    }
    if (gameError.details?.retryAfterS !== undefined) {
      res.set('Retry-After', String(gameError.details.retryAfterS));
    }
    res.status(statusForCode(gameError.code)).json({ error: gameError.toJSON() });
  };
}

function toGameError(error: unknown): GameError {
  if (isGameError(error)) return error;

  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') {
    return new GameError(ERROR_CODES.BAD_REQUEST, 'Request body is not valid JSON');
  }
  if (type === 'entity.too.large') {
    return new GameError(ERROR_CODES.PAYLOAD_TOO_LARGE, 'Request body is too large');
  }
  if (DATABASE_UNREACHABLE.has(String((error as { name?: unknown } | null)?.name))) {
    return new GameError(ERROR_CODES.UNAVAILABLE, 'The database is not answering; retry later', {
      cause: error,
    });
  }
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new GameError(ERROR_CODES.BAD_REQUEST, 'Request could not be read');
  }
  return new GameError(ERROR_CODES.INTERNAL, 'Internal error', { cause: error });
}
