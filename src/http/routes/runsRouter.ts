import { Router, type RequestHandler } from 'express';
import type { RunService, RunSummary } from '../../services/RunService.ts';
import { playerIdOf } from '../requireAuth.ts';
import { requireRouteId } from './requireRouteId.ts';

/** Abandons a run for its host; by default in the database alone. */
export type AbandonRun = (runId: string, playerId: string) => Promise<RunSummary>;

/**
 * `/api/runs`: the player's runs, one run's summary, and abandoning a run they host (`abandon`
 * lets the game reach a run's live room first).
 */
export function createRunsRouter(
  runs: RunService,
  auth: RequestHandler,
  abandon: AbandonRun = (runId, playerId) => runs.abandon(runId, playerId),
): Router {
  const router = Router();
  router.use(auth);

  router.get('/', async (_req, res) => {
    res.json({ runs: await runs.listForPlayer(playerIdOf(res)) });
  });
  router.get('/:runId', async (req, res) => {
    res.json(await runs.findSummary(requireRouteId(req.params.runId, 'Run'), playerIdOf(res)));
  });
  router.post('/:runId/abandon', async (req, res) => {
    res.json(await abandon(requireRouteId(req.params.runId, 'Run'), playerIdOf(res)));
  });
  return router;
}
