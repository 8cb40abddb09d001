import { Router } from 'express';
import type { PlayerService } from '../../services/PlayerService.ts';
import type { TokenService } from '../../services/TokenService.ts';
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

  router.post('/login', ...limiters.login, async (req, res) => {
    const player = await players.login(req.body ?? {});
    res.json({ token: tokens.issue(player.id) });
  });

  return router;
}
