import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Server as ColyseusServer, defineRoom, matchMaker } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import type { Config } from './core/config.ts';
import type { Logger } from './core/logger.ts';
import { connectDatabase, type Database } from './db/connectDatabase.ts';
import { answerClientErrors } from './http/answerClientErrors.ts';
import { createApiApp } from './http/createApiApp.ts';
import { applyMatchmakeCors } from './http/cors.ts';
import type { AuthRateLimits } from './http/rateLimits.ts';
import { requireAuth } from './http/requireAuth.ts';
import { createBattlesRouter } from './http/routes/battlesRouter.ts';
import { createRunsRouter } from './http/routes/runsRouter.ts';
import { ServerMetrics } from './metrics/ServerMetrics.ts';
import { createBattleContent } from './plugins/createBattleContent.ts';
import { loadPlugins } from './plugins/loadPlugins.ts';
import { abandonRun } from './rooms/run/abandonRun.ts';
import { RunRoom } from './rooms/run/RunRoom.ts';
import {
  checkScalingSettings,
  connectScaling,
  type Scaling,
} from './scaling/connectScaling.ts';
import { buildCharacterSpec } from './services/characterSpecs.ts';
import { GachaService } from './services/GachaService.ts';
import { PlayerService } from './services/PlayerService.ts';
import { RunService } from './services/RunService.ts';
import { TokenService } from './services/TokenService.ts';
import { resolveTokenSecret } from './resolveTokenSecret.ts';

/** A whole request (bodies are 16 kB at most) must arrive within this; then 408. */
const REQUEST_DEADLINE_MS = 30_000;
/** Its headers must arrive within this. */
const HEADERS_DEADLINE_MS = 20_000;

/** Largest WebSocket frame a client may send; commands are tiny. */
const MAX_CLIENT_FRAME_BYTES = 4 * 1024;

export interface GameServerOptions {
  config: Config;
  logger: Logger;
  /** Auth rate limits; load tests that register many bots from one address raise them. */
  authRateLimits?: Partial<AuthRateLimits>;
}

export interface GameServer {
  /** The Colyseus server (tests wrap it in `@colyseus/testing`'s ColyseusTestServer). */
  colyseus: ColyseusServer;
  /** The port actually bound (useful with PORT=0). */
  port: number;
  httpUrl: string;
  wsUrl: string;
  database: Database;
  /** Saves every live run, closes rooms, the HTTP port and the database. */
  stop(): Promise<void>;
}

/** The services every route and room shares. */
interface Services {
  registry: Awaited<ReturnType<typeof loadPlugins>>['registry'];
  content: ReturnType<typeof createBattleContent>;
  tokens: TokenService;
  players: PlayerService;
  gacha: GachaService;
  runs: RunService;
}

/**
 * Assembles the game: database, plugins, services, the REST API and the Colyseus rooms on one
 * HTTP port. Colyseus answers `/matchmake/*` first; express serves everything else.
 * @throws ConfigError before anything starts when REDIS_URL's companion settings are missing.
 */
export async function startGameServer(options: GameServerOptions): Promise<GameServer> {
  const { config, logger } = options;
  checkScalingSettings(config);
  const metrics = new ServerMetrics(config.METRICS_TOKEN);
  const database = await connectDatabase({
    mongodbUri: config.MONGODB_URI,
    dataDir: config.DATA_DIR,
    logger,
    onCommand: (sample) => metrics.observeDbCommand(sample),
  });
  const closeEarly = async () => {
    metrics.stop();
    await database.close();
  };

  const services = await startServices(config, logger).catch(async (error: unknown) => {
    await closeEarly();
    throw error;
  });
  const readiness = { isReady: false };
  const httpServer = createServer(
    { requestTimeout: REQUEST_DEADLINE_MS, headersTimeout: HEADERS_DEADLINE_MS },
    createHttpApp(options, services, metrics, readiness),
  );
  answerClientErrors(httpServer);
  applyMatchmakeCors(config.CORS_ORIGINS);
  const scaling = await connectScaling(config, logger).catch(async (error: unknown) => {
    await closeEarly();
    throw error;
  });
  const colyseus = createColyseus(options, services, httpServer, scaling);

  await listen(colyseus, httpServer, config).catch(async (error: unknown) => {
    await scaling.close();
    await closeEarly();
    throw error;
  });
  // Prepended after listen, so it also times the matchmaking routes Colyseus answers itself.
  httpServer.prependListener('request', (req, res) => metrics.observeRequest(req, res));
  const port = (httpServer.address() as AddressInfo).port;
  readiness.isReady = true;
  logger.info({ port, host: config.HOST, database: database.isEmbedded ? 'embedded' : 'mongodb' },
    'listening');

  return {
    colyseus,
    port,
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    database,
    stop: async () => {
      try {
        await stopGameServer(colyseus, httpServer, { database, scaling }, logger);
      } finally {
        metrics.stop();
      }
    },
  };
}

async function startServices(config: Config, logger: Logger): Promise<Services> {
  const { registry } = await loadPlugins({ pluginsDir: config.PLUGINS_DIR, logger });
  const tokens = new TokenService({
    secret: await resolveTokenSecret(config, logger),
    ttlS: config.TOKEN_TTL_S,
  });
  const players = new PlayerService({ registry, welcomeTickets: config.WELCOME_TICKETS });
  await players.init();
  const content = createBattleContent(registry);
  const gacha = new GachaService({ registry });
  return { registry, content, tokens, players, gacha, runs: new RunService() };
}

/** The REST API under an outer app that serves `/metrics`. */
function createHttpApp(
  options: GameServerOptions,
  services: Services,
  metrics: ServerMetrics,
  readiness: { isReady: boolean },
): express.Express {
  const { config, logger } = options;
  const { runs, content, tokens, players, gacha, registry } = services;
  const auth = requireAuth(tokens);
  const app = createApiApp({
    tokens,
    players,
    gacha,
    registry,
    config,
    logger,
    isReady: () => readiness.isReady,
    extraRouters: [
      {
        path: '/runs',
        router: createRunsRouter(runs, auth, (runId, playerId) =>
          abandonRun(runs, runId, playerId)),
      },
      { path: '/battles', router: createBattlesRouter(runs, content, auth) },
    ],
    authRateLimits: {
      registrationsPerAddress: config.AUTH_REGISTRATIONS_PER_ADDRESS,
      ...options.authRateLimits,
    },
  });
  // An outer express app, because Colyseus adopts the express app it finds on the server.
  const root = express().disable('x-powered-by');
  root.get('/metrics', (req, res) => void metrics.serve(req, res));
  root.use(app);
  return root;
}

/** The Colyseus server on `httpServer`, with the `run` room defined. */
function createColyseus(
  { config, logger }: GameServerOptions,
  services: Services,
  httpServer: HttpServer,
  { presence, driver, publicAddress }: Scaling,
): ColyseusServer {
  const colyseus = new ColyseusServer({
    transport: new WebSocketTransport({ server: httpServer, maxPayload: MAX_CLIENT_FRAME_BYTES }),
    presence,
    driver,
    publicAddress,
    gracefullyShutdown: false,
    greet: false,
    logger: logger.child({ component: 'colyseus' }),
  });
  const { tokens, players, runs, registry, content } = services;
  const buildSpec = buildCharacterSpec;
  const deps = { config, logger, tokens, players, runs, registry, content, buildSpec };
  colyseus.define('run', RunRoom.withDeps(deps)).filterBy(['runId']);
  return colyseus;
}

/** Binds the port; a bind failure (EADDRINUSE, EACCES) rejects instead of leaving us unbound. */
async function listen(colyseus: ColyseusServer, httpServer: HttpServer, config: Config) {
  let onError: ((error: Error) => void) | undefined;
  const failed = new Promise<never>((_, reject) => {
    onError = reject;
    httpServer.once('error', onError);
  });
  try {
    await Promise.race([colyseus.listen(config.PORT, config.HOST), failed]);
  } finally {
    if (onError) httpServer.off('error', onError);
  }
}

async function stopGameServer(
  colyseus: ColyseusServer,
  httpServer: HttpServer,
  { database, scaling }: { database: Database; scaling: Scaling },
  logger: Logger,
): Promise<void> {
  const startedAt = performance.now();
  logger.info({ rooms: matchMaker.stats.local.roomCount }, 'shutdown begun');

  // Rooms save their runs in onBeforeShutdown, then disconnect; Colyseus waits for each dispose.
  await colyseus.gracefullyShutdown(false);

  httpServer.closeAllConnections();
  await scaling.close();
  await database.close();
  logger.info({ durationMs: Math.round(performance.now() - startedAt) }, 'shutdown finished');
}
