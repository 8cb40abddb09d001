import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IRoomCache } from '@colyseus/core';
import { loadConfig } from '../../src/core/config.ts';
import { logger } from '../../src/core/logger.ts';
import { connectScaling, resolvePublicAddress } from '../../src/scaling/connectScaling.ts';
import { findFreePort } from '../support/freePort.ts';
import { startTestGame } from '../support/gameServer.ts';
import { NO_REDIS_REASON, isRedisAnswering, startTestRedis } from '../support/redis.ts';

// Decided before any describe: suites declared after a top-level await would not run.
const skip = (await isRedisAnswering()) ? false : NO_REDIS_REASON;
const quiet = logger.child({});
quiet.level = 'silent';

const SHARED = {
  REDIS_URL: 'redis://127.0.0.1:6379',
  MONGODB_URI: 'mongodb://127.0.0.1:27017/fray',
  TOKEN_SECRET: 's'.repeat(32),
};

function configWith(env: Record<string, string>) {
  return loadConfig({ ...SHARED, ...env });
}

describe('resolvePublicAddress', () => {
  it('prefers PUBLIC_ADDRESS over HOST and PORT', () => {
    const config = configWith({ HOST: '127.0.0.1', PUBLIC_ADDRESS: 'game1.example.com/ws' });

    assert.equal(resolvePublicAddress(config), 'game1.example.com/ws');
  });

  it('falls back to HOST:PORT, bracketing an IPv6 host', () => {
    assert.equal(resolvePublicAddress(configWith({ HOST: '10.0.0.7' })), '10.0.0.7:2567');
    assert.equal(resolvePublicAddress(configWith({ HOST: '::1', PORT: '47001' })), '[::1]:47001');
  });

  it('refuses a wildcard HOST or PORT 0 without PUBLIC_ADDRESS, which no client can dial', () => {
    assert.throws(() => resolvePublicAddress(configWith({})), /PUBLIC_ADDRESS is required/);
    const ephemeral = configWith({ HOST: '127.0.0.1', PORT: '0' });
    assert.throws(() => resolvePublicAddress(ephemeral), /"127\.0\.0\.1:0"/);
  });
});

describe('connectScaling', () => {
  it('shares nothing without REDIS_URL, so Colyseus keeps rooms in this process', async () => {
    const scaling = await connectScaling(loadConfig({}), quiet);

    assert.deepEqual(
      [scaling.presence, scaling.driver, scaling.publicAddress],
      [undefined, undefined, undefined],
    );
    await scaling.close();
  });

  it('refuses to start without a shared database and token secret', async () => {
    const config = loadConfig({ REDIS_URL: SHARED.REDIS_URL, HOST: '127.0.0.1' });

    const refusal = connectScaling(config, quiet);

    await assert.rejects(refusal, /MONGODB_URI must be set.*TOKEN_SECRET must be set/);
  });

  it('refuses to start when Redis does not answer', async () => {
    const url = `redis://127.0.0.1:${await findFreePort()}`;
    const config = configWith({ REDIS_URL: url, HOST: '127.0.0.1' });

    await assert.rejects(connectScaling(config, quiet), /REDIS_URL did not answer within/);
  });
});

describe('connectScaling with Redis', { skip }, () => {
  it('lists a room id once: a second listing under the same id is refused', async () => {
    const redis = await startTestRedis();
    const config = configWith({ REDIS_URL: redis.url, HOST: '127.0.0.1' });
    const scaling = await connectScaling(config, quiet);
    const listing = { roomId: 'r_dup', name: 'run', processId: 'p1' } as IRoomCache;
    const insert = () => scaling.driver!.insert!(listing);

    const answers = [await insert(), await insert()];

    assert.deepEqual(answers, [true, false]);
    await scaling.close();
    await redis.stop();
  });

  it('closes every Redis connection of the game server when it stops', async () => {
    const redis = await startTestRedis();
    const port = await findFreePort();
    const secret = SHARED.TOKEN_SECRET;
    const game = await startTestGame({ REDIS_URL: redis.url, PORT: port, TOKEN_SECRET: secret });
    const opened = await redis.countConnections();

    await game.stop();

    assert.equal(opened, 3);
    assert.equal(await redis.countConnections(), 0);
    await redis.stop();
  });
});
