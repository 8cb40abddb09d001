import type { RequestHandler } from 'express';
import { ERROR_CODES, GameError } from '../core/errors.ts';
import type { TokenService } from '../services/TokenService.ts';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Accepts requests carrying `Authorization: Bearer <token>` with a valid token and sets
 * `res.locals.playerId`.
 * @throws GameError UNAUTHORIZED (missing or invalid token), TOKEN_EXPIRED, through `next`.
 */
export function requireAuth(tokens: Pick<TokenService, 'verify'>): RequestHandler {
  return (req, res, next) => {
    const match = BEARER.exec(req.get('authorization') ?? '');
    if (!match?.[1]) {
      const message = 'Authorization header must be "Bearer <token>"';
      next(new GameError(ERROR_CODES.UNAUTHORIZED, message));
      return;
    }
    res.locals.playerId = tokens.verify(match[1]).playerId;
    next();
  };
}

/** The authenticated player's id, set by `requireAuth`. */
export function playerIdOf(res: { locals: Record<string, unknown> }): string {
  return String(res.locals.playerId);
}
