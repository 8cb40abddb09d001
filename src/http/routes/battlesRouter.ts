import { Router, type RequestHandler } from 'express';
import { createBattle, validateBattleConfig } from '../../battle/index.ts';
import type { BattleContent } from '../../battle/types.ts';
import { GameError } from '../../core/errors.ts';
import type { RunService } from '../../services/RunService.ts';
import { playerIdOf } from '../requireAuth.ts';
import { requireRouteId } from './requireRouteId.ts';

/**
 * `/api/battles`: a fought battle's record, and a replay check that simulates it again from its
 * stored inputs and compares the digests.
 */
export function createBattlesRouter(
  runs: RunService,
  content: BattleContent,
  auth: RequestHandler,
): Router {
  const router = Router();
  router.use(auth);

  router.get('/:battleId', async (req, res) => {
    res.json(await findBattle(runs, req.params.battleId, playerIdOf(res)));
  });
  router.post('/:battleId/replay', async (req, res) => {
    const battle = await findBattle(runs, req.params.battleId, playerIdOf(res));
    const check = validateBattleConfig(battle.config, content);
    if (!check.ok) throw new GameError('CONFLICT', `Battle cannot be replayed: ${check.message}`);

    const replay = createBattle(check.config, content);
    replay.runToEnd();
    const digest = replay.digest();
    res.json({ digest, storedDigest: battle.digest, matches: digest === battle.digest });
  });
  return router;
}

async function findBattle(runs: RunService, battleId: string | undefined, playerId: string) {
  const battle = await runs.findBattle(requireRouteId(battleId, 'Battle'), playerId);
  if (!battle) throw new GameError('NOT_FOUND', `Battle "${battleId}" not found`);
  return battle;
}
