import type { Presence, MatchMakerDriver } from '@colyseus/core';
import { RedisPresence } from '@colyseus/redis-presence';
import { Redis } from 'ioredis';
import { ConfigError, type Config, type ConfigProblem } from '../core/config.ts';
import type { Logger } from '../core/logger.ts';
import { RedisRoomDriver } from './RedisRoomDriver.ts';

/** Longest wait for Redis to answer at start-up before the server refuses to start. */
const REDIS_CONNECT_DEADLINE_MS = 10_000;

/** Longest wait for one Redis connection to close at shutdown before it is cut. */
const REDIS_CLOSE_DEADLINE_MS = 3_000;

/** ioredis states in which a socket is open or opening; `quit()` then has a server to tell. */
const OPEN_STATES = new Set(['connecting', 'connect', 'ready']);

const SHARED_SETTINGS = ['MONGODB_URI', 'TOKEN_SECRET'] as const;

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]', '']);

/** What the Colyseus server needs to share matchmaking with other processes. */
export interface Scaling {
  /** Unset without REDIS_URL: Colyseus then keeps rooms and presence in this process. */
  presence?: Presence;
  driver?: MatchMakerDriver;
  /** Where clients open the WebSocket of a room this process hosts. */
  publicAddress?: string;
  /** Closes every Redis connection; safe to call twice, and after Colyseus' own shutdown. */
  close(): Promise<void>;
}

/**
 * With REDIS_URL set, connects the Redis presence and room driver that let several processes
 * share matchmaking; without it, returns nothing to share and Colyseus stays in-process.
 * @throws when a setting every process must share is missing, PUBLIC_ADDRESS cannot be
 * derived, or Redis does not answer within 10 s.
 */
export async function connectScaling(config: Config, logger: Logger): Promise<Scaling> {
  if (!config.REDIS_URL) return { close: async () => {} };
  checkScalingSettings(config);
  const publicAddress = resolvePublicAddress(config);
  const log = logger.child({ component: 'redis' });

  const driverClient = watchConnection(new Redis(config.REDIS_URL, { lazyConnect: true }), log);
  const presenceClient = watchConnection(new Redis(config.REDIS_URL, { lazyConnect: true }), log);
  const connections = [driverClient, presenceClient];
  const close = () => Promise.all(connections.map(closeConnection)).then(() => undefined);
  try {
    await withDeadline(Promise.all(connections.map((client) => client.connect())));
  } catch (error) {
    await close();
    const message = `did not answer within ${REDIS_CONNECT_DEADLINE_MS} ms (${String(error)})`;
    throw new ConfigError([{ variable: 'REDIS_URL', message }]);
  }

  const presence = new ClosingRedisPresence(presenceClient);
  connections.push(watchConnection(presence.subscriber, log));
  log.info({ publicAddress }, 'matchmaking shared through redis');
  return { presence, driver: new RedisRoomDriver(driverClient), publicAddress, close };
}

/**
 * With REDIS_URL, checks the settings every process must share (the database their rooms save
 * to, the secret their tokens are signed with: the embedded database and a generated secret are
 * each process's own) and that a public address can be told. Does nothing without REDIS_URL.
 * @throws ConfigError naming each missing setting.
 */
export function checkScalingSettings(config: Config): void {
  if (!config.REDIS_URL) return;
  const message = 'must be set, the same in every process, when REDIS_URL is set';
  const missing = SHARED_SETTINGS.filter((name) => !config[name]);
  const problems: ConfigProblem[] = missing.map((variable) => ({ variable, message }));
  if (!config.PUBLIC_ADDRESS && !isDialable(config)) {
    problems.push({
      variable: 'PUBLIC_ADDRESS',
      message: `is required with REDIS_URL when HOST:PORT ("${config.HOST}:${config.PORT}") ` +
        'is not an address clients can reach',
    });
  }
  if (problems.length > 0) throw new ConfigError(problems);
}

function isDialable(config: Config): boolean {
  return config.PORT !== 0 && !WILDCARD_HOSTS.has(config.HOST);
}

/**
 * PUBLIC_ADDRESS, or HOST:PORT when that is an address a client can dial.
 * @throws ConfigError when neither names one: PORT 0 or a wildcard HOST without PUBLIC_ADDRESS.
 */
export function resolvePublicAddress(config: Config): string {
  if (config.PUBLIC_ADDRESS) return config.PUBLIC_ADDRESS;
  if (!isDialable(config)) {
    throw new ConfigError([{
      variable: 'PUBLIC_ADDRESS',
      message: `is required with REDIS_URL when HOST:PORT ("${config.HOST}:${config.PORT}") ` +
        'is not an address clients can reach',
    }]);
  }
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  return `${host}:${config.PORT}`;
}

/**
 * Leaves its connections open at Colyseus' shutdown, which neither awaits nor catches the base
 * class's quits; `Scaling.close()` closes them with a deadline.
 */
class ClosingRedisPresence extends RedisPresence {
  /** The subscriber connection the base class opens next to the one it was given. */
  get subscriber(): Redis {
    return this.sub as Redis;
  }

  shutdown(): void {}
}

/** Logs losing and regaining Redis once each; ioredis reconnects on its own meanwhile. */
function watchConnection(client: Redis, log: Logger): Redis {
  let isUp = false;
  let wasLost = false;
  client.on('error', (error: Error) => log.debug({ err: error }, 'redis connection error'));
  client.on('ready', () => {
    if (wasLost) log.info('redis connection regained');
    isUp = true;
    wasLost = false;
  });
  client.on('close', () => {
    if (isUp) log.warn('redis connection lost');
    wasLost ||= isUp;
    isUp = false;
  });
  return client;
}

/** Quits an open connection and waits for its socket to end; cuts one that is not open. */
async function closeConnection(client: Redis): Promise<void> {
  client.removeAllListeners('close');
  if (!OPEN_STATES.has(client.status)) {
    client.disconnect();
    return;
  }
  const ended = new Promise<void>((resolve) => client.once('end', resolve));
  // Not awaited: a quit queued while Redis is unreachable would wait for it indefinitely.
  client.quit().catch(() => client.disconnect());
  await withDeadline(ended, REDIS_CLOSE_DEADLINE_MS).catch(() => client.disconnect());
}

async function withDeadline<T>(work: Promise<T>, ms = REDIS_CONNECT_DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
