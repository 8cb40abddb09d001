import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startApi, TEST_PASSWORD, type ApiHarness } from './support/startApi.ts';

describe('createApiApp', () => {
  let api: ApiHarness;
  before(async () => {
    api = await startApi();
  });
  after(() => api.stop());

  it('answers /healthz and /readyz', async () => {
    const health = await api.request('GET', '/healthz');
    const ready = await api.request('GET', '/readyz');

    assert.equal(health.status, 200);
    assert.equal(ready.status, 200);
  });

  it('registers, logs in and shows the player to its own token', async () => {
    const { token, player } = await api.register();

    const login = await api.request('POST', '/api/auth/login', {
      body: { username: player.username, password: TEST_PASSWORD },
    });
    const me = await api.request('GET', '/api/me', { token: login.body.token });

    assert.equal(login.status, 200);
    assert.equal(typeof token, 'string');
    assert.equal(me.status, 200);
    assert.equal(me.body.id, player.id);
    assert.equal(me.body.tickets, 20);
    assert.equal(me.body.passwordHash, undefined);
  });

  it('answers unknown routes with 404 in the error shape', async () => {
    const response = await api.request('GET', '/api/nothing-here');

    assert.equal(response.status, 404);
    assert.equal(response.body.error.code, 'NOT_FOUND');
  });

  it('answers malformed JSON with 400 BAD_REQUEST', async () => {
    const response = await api.request('POST', '/api/auth/login', { rawBody: '{"username":' });

    assert.equal(response.status, 400);
    assert.equal(response.body.error.code, 'BAD_REQUEST');
  });

  it('answers an oversized body with 413', async () => {
    const rawBody = JSON.stringify({ username: 'x'.repeat(20_000), password: 'y' });

    const response = await api.request('POST', '/api/auth/login', { rawBody });

    assert.equal(response.status, 413);
    assert.equal(response.body.error.code, 'PAYLOAD_TOO_LARGE');
  });

  it('answers a missing or invalid token with 401', async () => {
    const missing = await api.request('GET', '/api/me');
    const invalid = await api.request('GET', '/api/me', { token: 'v1.abc.def' });

    assert.equal(missing.status, 401);
    assert.equal(missing.body.error.code, 'UNAUTHORIZED');
    assert.equal(invalid.status, 401);
  });

  it('publishes an OpenAPI document with the request schemas', async () => {
    const response = await api.request('GET', '/api/openapi.json');

    const pull = response.body.paths['/api/gacha/pull'].post;
    const schema = pull.requestBody.content['application/json'].schema;
    assert.equal(response.body.openapi, '3.1.0');
    assert.deepEqual(schema.required, ['bannerId', 'count']);
  });

  it('refuses a register body without a password, and a pull count sent as text', async () => {
    const { token } = await api.register();

    const register = await api.request('POST', '/api/auth/register', { body: { username: 'abc' } });
    const pull = await api.request('POST', '/api/gacha/pull', {
      token,
      body: { bannerId: 'standard', count: '10' },
    });

    assert.equal(register.body.error.code, 'INVALID_PAYLOAD');
    assert.equal(pull.status, 400);
  });

  it('answers 503 on /readyz while not ready', async () => {
    const starting = await startApi({ apiDeps: { isReady: () => false } });

    const response = await starting.request('GET', '/readyz');
    await starting.stop();

    assert.equal(response.status, 503);
  });
});
