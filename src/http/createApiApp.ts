import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import type { Config } from '../core/config.ts';
import type { Logger } from '../core/logger.ts';
import type { GachaService } from '../services/GachaService.ts';
import type { PlayerService } from '../services/PlayerService.ts';
import type { TokenService } from '../services/TokenService.ts';
import { createCorsMiddleware } from './cors.ts';
import { createErrorHandler, notFoundHandler } from './errorHandling.ts';
import { createAuthLimiters, DEFAULT_AUTH_RATE_LIMITS, type AuthRateLimits } from './rateLimits.ts';
import { buildOpenApiDocument } from './openApi.ts';
import { requireAuth } from './requireAuth.ts';
import { createAdminRouter } from './routes/adminRouter.ts';
import { createAuthRouter } from './routes/authRouter.ts';
import { createCatalogRouter } from './routes/catalogRouter.ts';
import { createGachaRouter } from './routes/gachaRouter.ts';
import { createMeRouter } from './routes/meRouter.ts';

export { requireAuth, playerIdOf } from './requireAuth.ts';

/** Largest JSON body accepted; bigger ones answer 413. */
export const JSON_BODY_LIMIT = '16kb';

export interface ApiDeps {
  config: Pick<Config, 'ADMIN_TOKEN'> & Partial<Pick<Config, 'CORS_ORIGINS'>>;
  logger: Logger;
  tokens: TokenService;
  players: PlayerService;
  gacha: GachaService;
  registry: { catalog(): unknown };
  isReady: () => boolean;
  extraRouters?: Array<{ path: string; router: Router }>;
  /** Auth rate limits; load tests that register many bots from one address raise them. */
  authRateLimits?: Partial<AuthRateLimits>;
}

/**
 * The REST API: health, auth, the player's own data, catalogue, gacha, the admin API (only
 * when ADMIN_TOKEN is set), extra routers under `/api`, then 404 and the one error handler.
 */
export function createApiApp(deps: ApiDeps): Express {
  const app = express();
  const auth = requireAuth(deps.tokens);
  const limits = { ...DEFAULT_AUTH_RATE_LIMITS, ...deps.authRateLimits };
  app.disable('x-powered-by');
  app.use(createCorsMiddleware(deps.config.CORS_ORIGINS ?? []));
  app.use(helmet());
  app.use(express.json({ limit: JSON_BODY_LIMIT }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    const isReady = deps.isReady();
    res.status(isReady ? 200 : 503).json({ status: isReady ? 'ready' : 'starting' });
  });

  const openApi = buildOpenApiDocument();
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });

  const limiters = createAuthLimiters(limits);
  app.use('/api/auth', createAuthRouter({ players: deps.players, tokens: deps.tokens, limiters }));
  app.use('/api/me', auth, createMeRouter(deps.players));
  app.use('/api/catalog', createCatalogRouter(deps.registry));
  app.use('/api/gacha', createGachaRouter(deps.gacha, auth));
  if (deps.config.ADMIN_TOKEN) {
    app.use('/api/admin', createAdminRouter(deps.config.ADMIN_TOKEN, deps.players));
  }
  for (const { path, router } of deps.extraRouters ?? []) {
    app.use(`/api${path.startsWith('/') ? path : `/${path}`}`, router);
  }

  app.use(notFoundHandler);
  app.use(createErrorHandler(deps.logger.child({ component: 'http' })));
  return app;
}
