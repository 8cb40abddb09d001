import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ERROR_CODES, GameError, isGameError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { statusForCode } from './errorStatus.ts';

/** Answers every unmatched route with 404 in the error shape. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new GameError(ERROR_CODES.NOT_FOUND, `Route "${req.method} ${req.path}" not found`));
};

/**
 * The one error funnel: GameErrors become their status and `{ error: { code, message } }`;
 * body-parser failures become 400 or 413; anything else is logged once and answers 500.
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
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new GameError(ERROR_CODES.BAD_REQUEST, 'Request could not be read');
  }
  return new GameError(ERROR_CODES.INTERNAL, 'Internal error', { cause: error });
}
