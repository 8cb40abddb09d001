import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import { MongoNetworkError } from 'mongodb';
import { logger } from '../../src/core/logger.ts';
import { ERROR_CODES, GameError } from '../../src/core/errors.ts';
import { createErrorHandler } from '../../src/http/errorHandling.ts';

let server: Server;
let baseUrl: string;

before(async () => {
  const app = express();
  // The driver's own error, as a request meets it while the database is unreachable.
  app.get('/unreachable', () => {
    throw new MongoNetworkError('connect ECONNREFUSED 127.0.0.1:1');
  });
  app.get('/bug', () => {
    throw new TypeError('undefined is not a function');
  });
  app.get('/busy', () => {
    throw new GameError(ERROR_CODES.UNAVAILABLE, 'Busy; retry');
  });
  const quiet = logger.child({});
  quiet.level = 'silent';
  app.use(createErrorHandler(quiet));
  server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.close();
});

async function answerOf(path: string) {
  const response = await fetch(`${baseUrl}${path}`);
  return { status: response.status, body: (await response.json()) as any };
}

describe('createErrorHandler', () => {
  it('answers an unreachable database with 503 UNAVAILABLE, not 500', async () => {
    const answer = await answerOf('/unreachable');

    assert.equal(answer.status, 503);
    assert.equal(answer.body.error.code, 'UNAVAILABLE');
  });

  it('answers a bug with 500 INTERNAL and no detail', async () => {
    const answer = await answerOf('/bug');

    assert.equal(answer.status, 500);
    assert.deepEqual(answer.body, { error: { code: 'INTERNAL', message: 'Internal error' } });
  });

  it('keeps a GameError\'s own code', async () => {
    assert.equal((await answerOf('/busy')).body.error.message, 'Busy; retry');
  });
});
