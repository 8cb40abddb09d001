import { Router } from 'express';
import type { PlayerService } from '../../services/PlayerService.ts';
import { playerIdOf } from '../requireAuth.ts';

/**
 * The authenticated player's own data (mounted behind `requireAuth`): profile, roster, party,
 * avatar editor, crafting and upgrades. No route takes another player's id.
 */
export function createMeRouter(players: PlayerService): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json(await players.findById(playerIdOf(res)));
  });

  router.get('/roster', async (_req, res) => {
    const { roster, party } = await players.findById(playerIdOf(res));
    res.json({ roster, party });
  });

  router.put('/party', async (req, res) => {
    const party = await players.setParty(playerIdOf(res), req.body?.characterIds);
    res.json({ party });
  });

  router.put('/editor', async (req, res) => {
    res.json({ editor: await players.updateEditor(playerIdOf(res), req.body) });
  });

  router.post('/items/craft', async (req, res) => {
    res.json({ changed: await players.upgrades.craft(playerIdOf(res), req.body) });
  });

  router.post('/upgrades/convert', async (req, res) => {
    res.json(await players.upgrades.convert(playerIdOf(res), req.body));
  });

  router.post('/upgrades/spend', async (req, res) => {
    res.json({ upgrades: await players.upgrades.spend(playerIdOf(res), req.body) });
  });

  return router;
}
