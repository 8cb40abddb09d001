import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BALANCE_CEILING } from '../../src/core/balance/progression.ts';
import { startApi, TEST_ADMIN_TOKEN, type ApiHarness } from './support/startApi.ts';

describe('admin API', () => {
  let api: ApiHarness;
  before(async () => {
    api = await startApi();
  });
  after(() => api.stop());

  const grant = (body: object) =>
    api.request('POST', '/api/admin/grant', { token: TEST_ADMIN_TOKEN, body });

  it('refuses a grant past the balance ceiling and applies it once it fits', async () => {
    const { player } = await api.register();
    await api.players.grantRewards(player.id, { key: 'fill', gold: BALANCE_CEILING - 1 });
    const body = { username: player.username, gold: 2, tickets: 3, key: 'top-up' };

    const refused = await grant(body);
    const retried = await grant({ ...body, gold: 1 });

    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'BALANCE_LIMIT');
    const { applied, player: after } = retried.body;
    assert.equal(applied, true);
    assert.deepEqual([after.gold, after.tickets], [BALANCE_CEILING, 20 + 3]);
  });

  it('refuses a grant with an unknown or "__proto__" key and applies nothing', async () => {
    const { player } = await api.register();
    const name = JSON.stringify(player.username);
    const bodies = [
      `{ "username": ${name}, "tickets": 5, "items": { "__proto__": 7 } }`,
      `{ "username": ${name}, "tickets": 5, "ticket": 7 }`,
    ];

    const answers = await Promise.all(
      bodies.map((rawBody) =>
        api.request('POST', '/api/admin/grant', { token: TEST_ADMIN_TOKEN, rawBody }),
      ),
    );

    const codes = answers.map((answer) => answer.body.error?.code);
    assert.deepEqual(codes, bodies.map(() => 'INVALID_PAYLOAD'));
    assert.equal((await api.players.findById(player.id)).tickets, 20);
  });
});
