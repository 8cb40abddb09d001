import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { GachaService } from '../../services/GachaService.ts';
import { parseBody } from '../parseBody.ts';
import { playerIdOf } from '../requireAuth.ts';

/** The query of `GET /api/gacha/history`. */
export const historyQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).optional(),
  before: z.string().min(1).max(64).optional(),
});

/**
 * Banners and published rates (public), pulls with `Idempotency-Key` and the player's own pull
 * history (behind `auth`).
 */
export function createGachaRouter(gacha: GachaService, auth: RequestHandler): Router {
  const router = Router();

  router.get('/banners', (_req, res) => {
    res.json({ banners: gacha.banners() });
  });

  router.get('/rates', (_req, res) => {
    res.json(gacha.rates());
  });

  router.post('/pull', auth, async (req, res) => {
    const key = req.get('idempotency-key');
    const outcome = await gacha.pull(playerIdOf(res), req.body ?? {}, key);
    res.json(outcome);
  });

  router.get('/history', auth, async (req, res) => {
    const page = parseBody(historyQuery, req.query, 'History query');
    res.json(await gacha.history(playerIdOf(res), page));
  });

  return router;
}
