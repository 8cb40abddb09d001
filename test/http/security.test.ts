import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_AUTH_RATE_LIMITS } from '../../src/http/rateLimits.ts';
import { uniqueName } from '../services/support/accountServices.ts';
import { startApi, TEST_ADMIN_TOKEN, TEST_PASSWORD, type ApiHarness } from './support/startApi.ts';

describe('API security', () => {
  const clock = { nowMs: Date.now() };
  let api: ApiHarness;
  before(async () => {
    api = await startApi({ tokenNow: () => clock.nowMs });
  });
  after(() => api.stop());

  it('never shows one player the history of another', async () => {
    const alice = await api.register();
    const bob = await api.register();
    const pull = { bannerId: 'standard', count: 1 };
    await api.request('POST', '/api/gacha/pull', { token: alice.token, body: pull });

    const path = `/api/gacha/history?playerId=${alice.player.id}`;
    const bobsView = await api.request('GET', path, { token: bob.token });

    assert.equal(bobsView.status, 200);
    assert.deepEqual(bobsView.body.pulls, []);
  });

  it('shows each token only its own profile and roster', async () => {
    const alice = await api.register();
    const bob = await api.register();

    const roster = await api.request('GET', '/api/me/roster', { token: bob.token });
    const byId = await api.request('GET', `/api/players/${alice.player.id}`, { token: bob.token });

    assert.equal(roster.status, 200);
    assert.deepEqual(roster.body.party, bob.player.party);
    assert.equal(byId.status, 404);
  });

  it('refuses a token once it has expired', async () => {
    const { token } = await api.register();

    clock.nowMs += 3601 * 1000;
    const response = await api.request('GET', '/api/me', { token });
    clock.nowMs -= 3601 * 1000;

    assert.equal(response.status, 401);
    assert.equal(response.body.error.code, 'TOKEN_EXPIRED');
  });

  it('throttles repeated failed logins, even before a right password', async () => {
    const { player } = await api.register();
    const wrong = { username: player.username, password: 'wrong-password-1' };
    for (let i = 0; i < DEFAULT_AUTH_RATE_LIMITS.failedLoginsPerAccount; i++) {
      await api.request('POST', '/api/auth/login', { body: wrong });
    }

    const right = { username: player.username, password: TEST_PASSWORD };
    const response = await api.request('POST', '/api/auth/login', { body: right });

    assert.equal(response.status, 429);
    assert.equal(response.body.error.code, 'RATE_LIMITED');
    assert.ok(Number(response.headers.get('retry-after')) > 0);
  });

  it('refuses a login whose username or password is not a string', async () => {
    const { player } = await api.register();
    const bodies = [
      { username: [player.username], password: TEST_PASSWORD },
      { username: player.username, password: [TEST_PASSWORD] },
      { username: 12345, password: TEST_PASSWORD },
    ];

    const responses = await Promise.all(
      bodies.map((body) => api.request('POST', '/api/auth/login', { body })),
    );

    assert.deepEqual(
      responses.map((response) => [response.status, response.body.error?.code]),
      bodies.map(() => [400, 'INVALID_PAYLOAD']),
    );
  });

  it('keeps a throttled account shut to its name sent in another shape or case', async () => {
    const { player } = await api.register();
    const wrong = { username: player.username.toUpperCase(), password: 'wrong-password-3' };
    for (let i = 0; i < DEFAULT_AUTH_RATE_LIMITS.failedLoginsPerAccount; i++) {
      await api.request('POST', '/api/auth/login', { body: wrong });
    }

    const attempts = [[player.username], player.username].map((username) =>
      api.request('POST', '/api/auth/login', { body: { username, password: TEST_PASSWORD } }),
    );

    const codes = (await Promise.all(attempts)).map((response) => response.body.error?.code);
    assert.deepEqual(codes, ['INVALID_PAYLOAD', 'RATE_LIMITED']);
  });

  it('answers a login for an unknown name exactly like a wrong password', async () => {
    const { player } = await api.register();

    const wrong = await api.request('POST', '/api/auth/login', {
      body: { username: player.username, password: 'wrong-password-2' },
    });
    const unknown = await api.request('POST', '/api/auth/login', {
      body: { username: uniqueName('ghost'), password: 'wrong-password-2' },
    });

    assert.equal(wrong.status, 401);
    assert.deepEqual(unknown.body, wrong.body);
    assert.equal(unknown.status, wrong.status);
  });

  it('refuses the admin API without the admin token', async () => {
    const { token, player } = await api.register();
    const body = { username: player.username, tickets: 1000 };

    const withPlayerToken = await api.request('POST', '/api/admin/grant', { token, body });
    const withAdminToken = await api.request('POST', '/api/admin/grant', {
      token: TEST_ADMIN_TOKEN,
      body,
    });

    assert.equal(withPlayerToken.status, 401);
    assert.equal(withAdminToken.status, 200);
  });

  it('turns the admin API off when no admin token is configured', async () => {
    const closed = await startApi({ apiDeps: { config: { ADMIN_TOKEN: undefined } } });
    const body = { username: 'anyone', tickets: 1 };

    const response = await closed.request('POST', '/api/admin/grant', { token: '', body });
    await closed.stop();

    assert.equal(response.status, 404);
  });
});
