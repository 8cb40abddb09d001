import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HARD_PITY } from '../../src/core/balance/gacha.ts';
import { getGachaPullModel, type GachaPullRecord } from '../../src/db/models/GachaPull.ts';
import { startApi, type ApiHarness } from './support/startApi.ts';

const CONCURRENT_PULLS = 200;

describe('gacha API', () => {
  let api: ApiHarness;
  before(async () => {
    api = await startApi({ welcomeTickets: 10 });
  });
  after(() => api.stop());

  const pull = (token: string, body: unknown, key?: string) =>
    api.request('POST', '/api/gacha/pull', {
      token,
      body,
      headers: key ? { 'idempotency-key': key } : {},
    });

  it('lets exactly 10 of 200 concurrent single pulls through on 10 tickets', async () => {
    const { token, player } = await api.register();
    const body = { bannerId: 'standard', count: 1 };

    const responses = await Promise.all(
      Array.from({ length: CONCURRENT_PULLS }, () => pull(token, body)),
    );

    const succeeded = responses.filter((response) => response.status === 200);
    const refused = responses.filter((response) => response.status !== 200);
    assert.equal(succeeded.length, 10);
    const codes = new Set(refused.map((response) => response.body.error.code));
    assert.ok([...codes].every((code) => code === 'NOT_ENOUGH_TICKETS' || code === 'RATE_LIMITED'));
    await assertAccountAgreesWithAudit(player.id, token, 10);
  });

  it('returns the first outcome for a repeated Idempotency-Key and charges once', async () => {
    const { token } = await api.register();
    const body = { bannerId: 'featured-a', count: 5 };

    const responses = await Promise.all([1, 2, 3, 4].map(() => pull(token, body, 'same-key')));

    const me = await api.request('GET', '/api/me', { token });
    assert.ok(responses.every((response) => response.status === 200));
    assert.equal(new Set(responses.map((response) => response.body.pullId)).size, 1);
    assert.equal(responses.filter((response) => !response.body.isReplay).length, 1);
    assert.equal(me.body.tickets, 5);
  });

  it('refuses a reused Idempotency-Key for a different pull', async () => {
    const { token } = await api.register();
    await pull(token, { bannerId: 'standard', count: 1 }, 'key-1');

    const reused = await pull(token, { bannerId: 'standard', count: 5 }, 'key-1');

    assert.equal(reused.status, 409);
    assert.equal(reused.body.error.code, 'IDEMPOTENCY_CONFLICT');
  });

  it('refuses pull counts other than 1, 5 and 10, and unknown banners', async () => {
    const { token } = await api.register();

    const badCount = await pull(token, { bannerId: 'standard', count: 3 });
    const badBanner = await pull(token, { bannerId: 'nope', count: 1 });

    assert.equal(badCount.status, 400);
    assert.equal(badCount.body.error.code, 'INVALID_PAYLOAD');
    assert.equal(badBanner.status, 404);
    assert.equal(badBanner.body.error.code, 'UNKNOWN_BANNER');
  });

  it('charges nothing when a ten-pull costs more than the tickets held', async () => {
    const { token } = await api.register();
    await pull(token, { bannerId: 'standard', count: 5 });

    const refused = await pull(token, { bannerId: 'standard', count: 10 });

    const me = await api.request('GET', '/api/me', { token });
    assert.equal(refused.body.error.code, 'NOT_ENOUGH_TICKETS');
    assert.equal(me.body.tickets, 5);
  });

  it('pages the history newest first without repeats', async () => {
    const { token } = await api.register();
    for (let i = 0; i < 7; i++) await pull(token, { bannerId: 'standard', count: 1 });

    const pages = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const query = `?limit=3${cursor ? `&before=${cursor}` : ''}`;
      const page = await api.request('GET', `/api/gacha/history${query}`, { token });
      pages.push(page.body.pulls.map((entry: { pullId: string }) => entry.pullId));
      cursor = page.body.nextCursor;
    }

    assert.deepEqual(pages.map((page) => page.length), [3, 3, 1]);
    const ids = pages.flat();
    assert.deepEqual(ids, [...ids].sort().reverse());
    assert.equal(new Set(ids).size, 7);
  });

  it('publishes the rates with the whole pity curve', async () => {
    const response = await api.request('GET', '/api/gacha/rates');

    const { effective, pityCurve } = response.body;
    const total = effective.sixStar + effective.fiveStar + effective.itemStars.reduce(
      (sum: number, share: number) => sum + share,
      0,
    );
    assert.equal(pityCurve.length, HARD_PITY + 1);
    assert.ok(Math.abs(total - 1) < 1e-9);
    assert.ok(Math.abs(pityCurve[HARD_PITY].fiveStar + pityCurve[HARD_PITY].sixStar - 1) < 1e-12);
  });

  it('lists a standard and two featured banners with different characters', async () => {
    const response = await api.request('GET', '/api/gacha/banners');

    const [standard, first, second] = response.body.banners;
    assert.equal(standard.featuredId, null);
    assert.ok(first.featuredId && second.featuredId);
    assert.notEqual(first.featuredId, second.featuredId);
  });

  async function assertAccountAgreesWithAudit(playerId: string, token: string, pulls: number) {
    const me = (await api.request('GET', '/api/me', { token })).body;
    const audit = await getGachaPullModel(api.connection)
      .find({ playerId })
      .sort({ playerVersion: 1 })
      .lean<GachaPullRecord[]>();

    assert.equal(me.tickets, 0);
    assert.equal(audit.length, pulls);
    audit.forEach((record, i) => {
      assert.equal(record.ticketsAfter, pulls - 1 - i);
      if (i > 0) assert.equal(record.pityBefore, audit[i - 1]!.pityAfter);
    });
    assert.equal(me.pity.standard, audit.at(-1)!.pityAfter);
    const itemCount = Object.values(me.items as Record<string, number>).reduce((a, b) => a + b, 0);
    const itemPulls = audit.flatMap((record) => record.results).filter((r) => r.kind === 'item');
    assert.equal(itemCount, itemPulls.length);
  }
});
