import { randomBytes } from 'node:crypto';
import { ColyseusTestServer } from '@colyseus/testing/TestServer';
import { loadConfig, type Config } from '../../src/core/config.ts';
import { logger as defaultLogger, type Logger } from '../../src/core/logger.ts';
import { startGameServer, type GameServer } from '../../src/server.ts';
import { FrayClient, type Session } from '../../src/client/FrayClient.ts';
import { startTestDatabase } from './database.ts';

export interface TestPlayer {
  client: FrayClient;
  session: Session;
  password: string;
}

export interface TestGame {
  server: GameServer;
  colyseus: ColyseusTestServer;
  /** A new client signed in as a fresh player with a random password. */
  newPlayer(prefix?: string): Promise<TestPlayer>;
  stop(): Promise<void>;
}

/**
 * The whole game server on 127.0.0.1 and an ephemeral port, over a test database (embedded in
 * memory, or under MONGODB_URI), with fast battle pacing unless overridden.
 */
export async function startTestGame(
  overrides: Partial<Config> = {},
  logger: Logger = defaultLogger,
): Promise<TestGame> {
  const database = await startTestDatabase('game');
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: ':memory:',
    BATTLE_PACING_MS: '5',
    VOTE_TIMEOUT_MS: '200',
    RECONNECT_WINDOW_S: '2',
  });
  const server = await startGameServer({
    config: { ...config, MONGODB_URI: database.uri, ...overrides },
    logger,
    authRateLimits: { registrationsPerAddress: 10_000 },
  });
  return {
    server,
    colyseus: new ColyseusTestServer(server.colyseus),
    newPlayer: async (prefix = 'p') => {
      const client = new FrayClient(server.httpUrl);
      const username = `${prefix}_${randomBytes(5).toString('hex')}`;
      const password = `pw-${randomBytes(8).toString('hex')}`;
      const session = await client.register(username, password);
      return { client, session, password };
    },
    stop: async () => {
      await server.stop();
      await database.stop();
    },
  };
}
