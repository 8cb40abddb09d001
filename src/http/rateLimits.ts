import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { ERROR_CODES, GameError } from '../core/errors.ts';
import { usernameKeyOf } from '../services/player/validation.ts';

export interface AuthRateLimits {
  windowMs: number;
  /** Failed logins per address and username in a window: the brute-force brake. */
  failedLoginsPerAccount: number;
  /** Failed logins per address in a window, across usernames. */
  failedLoginsPerAddress: number;
  /** Registrations per address in a window. */
  registrationsPerAddress: number;
}

export const DEFAULT_AUTH_RATE_LIMITS: AuthRateLimits = {
  windowMs: 15 * 60 * 1000,
  failedLoginsPerAccount: 10,
  failedLoginsPerAddress: 100,
  registrationsPerAddress: 100,
};

/**
 * Rate limiters for the auth routes.
 * Known limitation: counters live in this process's memory, so each process of a multi-process
 * deployment allows the full quota, and a restart forgets them.
 */
export function createAuthLimiters(limits: AuthRateLimits): {
  login: RequestHandler[];
  register: RequestHandler;
} {
  const base = { windowMs: limits.windowMs, handler: refuse };
  return {
    login: [
      rateLimit({
        ...base,
        limit: limits.failedLoginsPerAccount,
        skipSuccessfulRequests: true,
        keyGenerator: (req) => `${addressOf(req)}|${usernameOf(req)}`,
      }),
      rateLimit({ ...base, limit: limits.failedLoginsPerAddress, skipSuccessfulRequests: true }),
    ],
    register: rateLimit({ ...base, limit: limits.registrationsPerAddress }),
  };
}

const refuse: RequestHandler = (req, _res, next) => {
  const resetTime = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  const retryAfterS = resetTime ? Math.max(1, Math.ceil((+resetTime - Date.now()) / 1000)) : 60;
  next(
    new GameError(ERROR_CODES.RATE_LIMITED, `Too many attempts; retry in ${retryAfterS} s`, {
      details: { retryAfterS },
    }),
  );
};

function addressOf(req: Request): string {
  return ipKeyGenerator(req.ip ?? 'unknown');
}

/**
 * The account a login names, in the form login looks it up. The auth router validates the body
 * first, so a non-string name never gets here; if one did, the service would refuse it too.
 */
function usernameOf(req: Request): string {
  const username = (req.body as { username?: unknown } | undefined)?.username;
  return typeof username === 'string' ? usernameKeyOf(username) : '';
}
