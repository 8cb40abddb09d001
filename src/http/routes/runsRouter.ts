import { Router, type RequestHandler } from 'express';
import type { RunService } from '../../services/RunService.ts';
import { playerIdOf } from '../requireAuth.ts';
import { requireRouteId } from './requireRouteId.ts';

/** `/api/runs`: the player's runs, one run's summary, and abandoning a run they host. */
export function createRunsRouter(runs: RunService, auth: RequestHandler): Router {
  const router = Router();
  router.use(auth);

  router.get('/', async (_req, res) => {
    res.json({ runs: await runs.listForPlayer(playerIdOf(res)) });
  });
  router.get('/:runId', async (req, res) => {
    res.json(await runs.findSummary(requireRouteId(req.params.runId, 'Run'), playerIdOf(res)));
  });
  router.post('/:runId/abandon', async (req, res) => {
    res.json(await runs.abandon(requireRouteId(req.params.runId, 'Run'), playerIdOf(res)));
  });
  return router;
}
