import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { GameError } from '../../src/core/errors.ts';
import { FEATURED_ROTATION_MS, RECENT_PULLS_KEPT } from '../../src/core/balance/gacha.ts';
import { getGachaPullModel, type GachaPullRecord } from '../../src/db/models/GachaPull.ts';
import { GachaService, type PullRng } from '../../src/services/GachaService.ts';
import {
  startAccountServices,
  uniqueName,
  type AccountServices,
} from './support/accountServices.ts';

/** Every roll fails: no character until hard pity forces one. */
const UNLUCKY: PullRng = { float: () => 0.999_999_999, int: (min) => min };

describe('GachaService', () => {
  const clock = { nowMs: Date.UTC(2026, 11, 4) };
  let services: AccountServices;
  let unlucky: AccountServices;
  let tenTickets: AccountServices;
  before(async () => {
    services = await startAccountServices({ welcomeTickets: 200, now: () => clock.nowMs });
    unlucky = await startAccountServices({ welcomeTickets: 200, createRng: () => UNLUCKY });
    tenTickets = await startAccountServices({ welcomeTickets: 10 });
  });
  after(async () => {
    await services.stop();
    await unlucky.stop();
    await tenTickets.stop();
  });

  const register = (on: AccountServices) =>
    on.players.register({ username: uniqueName(), password: 'a-good-password' });

  it('gives a character on the 180th pull of the unluckiest streak', async () => {
    const player = await register(unlucky);

    const outcomes = [];
    for (let i = 0; i < 18; i++) {
      outcomes.push(await unlucky.gacha.pull(player.id, { bannerId: 'standard', count: 10 }));
    }

    const results = outcomes.flatMap((outcome) => outcome.results);
    assert.equal(results.findIndex((result) => result.kind === 'character'), 179);
    assert.equal(outcomes.at(-1)?.pity, 0);
  });

  it('keeps pity apart per banner family', async () => {
    const player = await register(unlucky);

    await unlucky.gacha.pull(player.id, { bannerId: 'featured-a', count: 5 });
    await unlucky.gacha.pull(player.id, { bannerId: 'featured-b', count: 1 });

    const { pity } = await unlucky.players.findById(player.id);
    assert.deepEqual(pity, { standard: 0, featured: 6 });
  });

  it('rotates both featured banners to new characters every three days', () => {
    const now = services.gacha.banners();

    clock.nowMs += FEATURED_ROTATION_MS;
    const later = services.gacha.banners();
    clock.nowMs -= FEATURED_ROTATION_MS;

    assert.notEqual(now[1]?.featuredId, later[1]?.featuredId);
    assert.notEqual(now[2]?.featuredId, later[2]?.featuredId);
    assert.notEqual(later[1]?.featuredId, later[2]?.featuredId);
  });

  it('keeps one audit record per pull even for a key reused after the replay window', async () => {
    const player = await register(services);
    const pull = { bannerId: 'standard', count: 1 };
    for (let i = 0; i <= RECENT_PULLS_KEPT; i++) {
      await services.gacha.pull(player.id, pull, `key-${i}`);
    }

    await services.gacha.pull(player.id, pull, 'key-0');

    const audits = await getGachaPullModel(services.connection).countDocuments({
      playerId: player.id,
    });
    assert.equal(audits, RECENT_PULLS_KEPT + 2);
  });

  it('keeps the books exact when two servers pull for one player at once', async () => {
    const player = await register(tenTickets);
    const servers = [tenTickets.gacha, new GachaService(tenTickets)];
    const pull = { bannerId: 'standard', count: 1 };

    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => servers[i % 2]!.pull(player.id, pull)),
    );

    const charged = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refusals = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [(outcome.reason as GameError).code] : []);
    const audit = await getGachaPullModel(tenTickets.connection)
      .find({ playerId: player.id })
      .sort({ playerVersion: 1 })
      .lean<GachaPullRecord[]>();
    const { tickets, pity } = await tenTickets.players.findById(player.id);
    assert.equal(charged.length, 10);
    assert.deepEqual(new Set(refusals), new Set(['NOT_ENOUGH_TICKETS']));
    assert.deepEqual(audit.map((record) => record.ticketsAfter), [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    assert.equal(tickets, 0);
    assert.equal(pity.standard, audit.at(-1)?.pityAfter);
  });

  it('refuses a player\'s pulls past 20 in progress or waiting with RATE_LIMITED', async () => {
    const player = await register(services);
    const pull = { bannerId: 'standard', count: 1 };

    const outcomes = await Promise.allSettled(
      Array.from({ length: 25 }, () => services.gacha.pull(player.id, pull)),
    );

    const codes = outcomes.map((outcome) =>
      outcome.status === 'fulfilled' ? 'OK' : (outcome.reason as GameError).code);
    assert.deepEqual(codes, [...Array(20).fill('OK'), ...Array(5).fill('RATE_LIMITED')]);
  });

  it('restores a lost audit record at a history read once the pull is a minute old',
    async () => {
      const player = await register(services);
      const kept = await services.gacha.pull(player.id, { bannerId: 'standard', count: 5 });
      const lost = await services.gacha.pull(player.id, { bannerId: 'standard', count: 10 });
      // What a crash after the player's write and before the audit insert leaves behind.
      await getGachaPullModel(services.connection).deleteOne({ _id: lost.pullId });
      const early = await services.gacha.history(player.id);
      clock.nowMs += 2 * 60_000;

      const { pulls } = await services.gacha.history(player.id);
      clock.nowMs -= 2 * 60_000;

      assert.deepEqual(early.pulls.map((pull) => pull.pullId), [kept.pullId]);
      assert.deepEqual(pulls.map((pull) => pull.pullId), [lost.pullId, kept.pullId]);
      assert.deepEqual(pulls[0]?.results, lost.results);
      assert.equal(pulls[0]?.pity, lost.pity);
    });
});
