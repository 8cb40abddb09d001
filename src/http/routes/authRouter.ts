import { Router, type RequestHandler } from 'express';
import type { PlayerService } from '../../services/PlayerService.ts';
import { loginSchema } from '../../services/player/validation.ts';
import type { TokenService } from '../../services/TokenService.ts';
import { parseBody } from '../parseBody.ts';
import type { createAuthLimiters } from '../rateLimits.ts';

/**
 * `POST /register {username, password}` → 201 `{ token, player }`;
 * `POST /login {username, password}` → 200 `{ token }`.
 */
export function createAuthRouter(deps: {
  players: PlayerService;
  tokens: TokenService;
  limiters: ReturnType<typeof createAuthLimiters>;
}): Router {
  const { players, tokens, limiters } = deps;
  const router = Router();

  router.post('/register', limiters.register, async (req, res) => {
    const player = await players.register(req.body ?? {});
    res.status(201).json({ token: tokens.issue(player.id), player });
  });

  router.post('/login', validateLogin, ...limiters.login, async (req, res) => {
    const player = await players.login(req.body);
    res.json({ token: tokens.issue(player.id) });
  });

  return router;
}

/** Runs before the throttle, so it counts failures under the very name login looks up. */
const validateLogin: RequestHandler = (req, _res, next) => {
  req.body = parseBody(loginSchema, req.body, 'Login');
  next();
};
