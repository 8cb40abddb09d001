import { Router } from 'express';

/** `GET /` → the plugin catalogue by kind, data only. Public: it holds no player data. */
export function createCatalogRouter(registry: { catalog(): unknown }): Router {
  const router = Router();
  let catalog: unknown;
  router.get('/', (_req, res) => {
    // The registry is frozen after start-up, so one listing serves every request.
    catalog ??= registry.catalog();
    res.json(catalog);
  });
  return router;
}
