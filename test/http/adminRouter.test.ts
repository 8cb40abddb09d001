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

    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.code, 'INVALID_PAYLOAD');
    const { applied, player: after } = retried.body;
    assert.equal(applied, true);
    assert.deepEqual([after.gold, after.tickets], [BALANCE_CEILING, 20 + 3]);
  });
});
