import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The only Redis tests use: the one this machine runs. */
const REDIS_ADDRESS = '127.0.0.1:6379';
const PING_DEADLINE_MS = 2_000;

/** Why a file that needs Redis skips when it is absent. */
export const NO_REDIS_REASON = `needs Redis on ${REDIS_ADDRESS}, which does not answer`;

export interface TestRedis {
  /** REDIS_URL for servers: a key prefix and connection name of this test's own. */
  url: string;
  /** Connections the servers of this test hold open right now. */
  countConnections(): Promise<number>;
  /** Deletes every key the servers created and closes the inspecting connection. */
  stop(): Promise<void>;
}

/** Resolves true when Redis answers a PING within two seconds. */
export async function isRedisAnswering(): Promise<boolean> {
  const client = new Redis(`redis://${REDIS_ADDRESS}`, {
    lazyConnect: true,
    retryStrategy: () => null,
    connectTimeout: PING_DEADLINE_MS,
    maxRetriesPerRequest: 0,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** A slice of the machine's Redis for one test file: its keys carry a prefix of their own. */
export async function startTestRedis(): Promise<TestRedis> {
  const name = `fray-test-${randomBytes(6).toString('hex')}`;
  const inspector = new Redis(`redis://${REDIS_ADDRESS}`);
  await inspector.ping();
  return {
    url: `redis://${REDIS_ADDRESS}/0?keyPrefix=${name}:&connectionName=${name}`,
    countConnections: async () => {
      const list = String(await inspector.call('CLIENT', 'LIST'));
      return list.split('\n').filter((line) => line.includes(` name=${name} `)).length;
    },
    stop: async () => {
      try {
        await deleteKeys(inspector, `${name}:*`);
      } finally {
        await inspector.quit();
      }
    },
  };
}

async function deleteKeys(client: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (keys.length > 0) await client.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
