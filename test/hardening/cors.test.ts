import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHostileGame, type HostileGame } from '../support/fuzzServer.ts';

const ALLOWED = 'https://play.example.test';
const FOREIGN = 'https://evil.example.test';

let game: HostileGame;

before(async () => {
  game = await startHostileGame({ CORS_ORIGINS: [ALLOWED] });
});

after(async () => {
  await game.stop();
});

function request(path: string, origin: string, method = 'GET', headers = {}) {
  return fetch(`${game.server.httpUrl}${path}`, { method, headers: { origin, ...headers } });
}

function preflight(path: string, origin: string, method = 'POST') {
  return request(path, origin, 'OPTIONS', {
    'access-control-request-method': method,
    'access-control-request-headers': 'authorization, content-type',
  });
}

describe('HTTP edge', () => {
  it('lets an allowed origin read the API, without credentials', async () => {
    const response = await request('/api/catalog', ALLOWED);

    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED);
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
  });

  it('answers a preflight from an allowed origin with the methods and headers', async () => {
    const response = await preflight('/api/gacha/pull', ALLOWED);

    assert.equal(response.status, 204);
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /Authorization/);
  });

  it('allows PUT in a preflight for the routes that take it', async () => {
    const response = await preflight('/api/me/party', ALLOWED, 'PUT');

    assert.equal(response.status, 204);
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /\bPUT\b/);
  });

  it('gives a foreign origin no CORS headers on the API or matchmaking', async () => {
    const api = await request('/api/catalog', FOREIGN);
    const apiPreflight = await preflight('/api/gacha/pull', FOREIGN);
    const matchmake = await preflight('/matchmake/create/run', FOREIGN);

    assert.equal(api.headers.get('access-control-allow-origin'), null);
    assert.equal(apiPreflight.headers.get('access-control-allow-origin'), null);
    assert.equal(matchmake.headers.get('access-control-allow-origin'), null);
    assert.equal(matchmake.headers.get('access-control-allow-credentials'), null);
  });

  it('gives an allowed origin CORS headers on matchmaking', async () => {
    const response = await preflight('/matchmake/create/run', ALLOWED);

    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED);
  });

  it('sends helmet headers on every API answer', async () => {
    const response = await request('/api/nowhere', FOREIGN);

    assert.equal(response.status, 404);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(response.headers.get('content-security-policy'));
    assert.equal(response.headers.get('x-powered-by'), null);
  });
});
