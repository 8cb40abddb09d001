import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { ERROR_CODES, GameError } from '../../core/errors.ts';
import type { PlayerService } from '../../services/PlayerService.ts';
import { strictRecord } from '../../services/player/validation.ts';
import { parseBody } from '../parseBody.ts';

const amount = z.number().int().min(0).max(1e12);
/** The body of `POST /api/admin/grant`; unknown keys are refused, so a misspelt one is seen. */
export const grantBody = z.strictObject({
  username: z.string().min(1).max(40),
  tickets: amount.optional(),
  gold: amount.optional(),
  items: strictRecord(z.record(z.string(), amount)).optional(),
  /** Makes a retried grant apply once. */
  key: z.string().min(1).max(200).optional(),
});

/**
 * The operators' API, authorised by `Authorization: Bearer <ADMIN_TOKEN>`:
 * `POST /grant {username, tickets?, gold?, items?, key?}` and `GET /players/:username`.
 */
export function createAdminRouter(adminToken: string, players: PlayerService): Router {
  const router = Router();
  router.use(requireAdmin(adminToken));

  router.post('/grant', async (req, res) => {
    const { username, key, ...grant } = parseBody(grantBody, req.body, 'Grant');
    const player = await players.findByUsername(username);
    const grantKey = `admin:${key ?? randomUUID()}`;
    const { applied } = await players.grantRewards(player.id, { key: grantKey, ...grant });
    res.json({ applied, player: await players.findById(player.id) });
  });

  router.get('/players/:username', async (req, res) => {
    res.json(await players.findByUsername(String(req.params.username)));
  });

  return router;
}

function requireAdmin(adminToken: string): RequestHandler {
  const expected = digest(adminToken);
  return (req, _res, next) => {
    const given = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1] ?? '';
    if (!timingSafeEqual(digest(given), expected)) {
      throw new GameError(ERROR_CODES.UNAUTHORIZED, 'Admin token is missing or invalid');
    }
    next();
  };
}

/** Hashing first gives equal-length buffers, so the comparison leaks no length. */
function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
