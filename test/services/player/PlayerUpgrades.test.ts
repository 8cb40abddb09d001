import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ITEM_UPGRADE_POINTS, ITEMS_PER_CRAFT } from '../../../src/core/balance/gacha.ts';
import { BALANCE_CEILING } from '../../../src/core/balance/progression.ts';
import {
  startAccountServices,
  uniqueName,
  type AccountServices,
} from '../support/accountServices.ts';

/** A Generic 5★: its element has no upgrade items. */
const GENERIC_CHARACTER = 'moss-tallow';

describe('PlayerUpgrades', () => {
  let services: AccountServices;
  before(async () => {
    services = await startAccountServices();
  });
  after(() => services.stop());

  async function playerWith(items: Record<string, number>, characterIds: string[] = []) {
    const player = await services.players.register({
      username: uniqueName(),
      password: 'a-good-password',
    });
    await services.players.grantRewards(player.id, { key: 'arrange', items });
    const entries = characterIds.map((id) => [`roster.${id}`, newRosterEntry()]);
    if (entries.length > 0) {
      const players = services.connection.collection<{ _id: string }>('players');
      await players.updateOne({ _id: player.id }, { $set: Object.fromEntries(entries) });
    }
    return player;
  }

  it('lets a character of an element without items take items of any element', async () => {
    const player = await playerWith({ 'Ice-2': 1, 'Dark-1': 3 }, [GENERIC_CHARACTER]);
    const convert = { characterId: GENERIC_CHARACTER, stars: 2, count: 1 } as const;

    const ice = await services.players.upgrades.convert(player.id, { ...convert, element: 'Ice' });
    const dark = await services.players.upgrades.convert(player.id, {
      ...convert,
      element: 'Dark',
      stars: 1,
      count: 3,
    });

    assert.equal(ice.upgradePoints, ITEM_UPGRADE_POINTS[2]);
    assert.equal(dark.upgradePoints, ITEM_UPGRADE_POINTS[2] + 3 * ITEM_UPGRADE_POINTS[1]);
  });

  it('still refuses a character items of an element other than its own', async () => {
    const player = await playerWith({ 'Ice-1': 1 });
    const convert = { characterId: 'cinder-vale', element: 'Ice', stars: 1, count: 1 } as const;

    const attempt = services.players.upgrades.convert(player.id, convert);

    await assert.rejects(attempt, { code: 'INVALID_PAYLOAD' });
  });

  it('refuses to convert items into points past the balance ceiling', async () => {
    const player = await playerWith({ 'Fire-4': 1, 'Fire-1': 2 });
    const points = BALANCE_CEILING - ITEM_UPGRADE_POINTS[4];
    await setUpgradePoints(player.id, 'avatar', points);
    const convert = { characterId: 'avatar', element: 'Fire', stars: 4, count: 1 } as const;

    const fits = await services.players.upgrades.convert(player.id, convert);
    const over = services.players.upgrades.convert(player.id, { ...convert, stars: 1 });

    assert.equal(fits.upgradePoints, BALANCE_CEILING);
    await assert.rejects(over, { code: 'BALANCE_LIMIT', message: /ceiling/ });
    const me = await services.players.findById(player.id);
    assert.equal(me.items['Fire-1'], 2);
  });

  it('refuses to craft items past the balance ceiling', async () => {
    const player = await playerWith({ 'Ice-1': ITEMS_PER_CRAFT, 'Ice-2': BALANCE_CEILING });
    const request = { element: 'Ice', stars: 1, count: 1 } as const;

    const craft = services.players.upgrades.craft(player.id, request);

    await assert.rejects(craft, { code: 'BALANCE_LIMIT', message: /ceiling/ });
  });

  it('answers CHARACTER_NOT_OWNED for a character id that names an Object property', async () => {
    const player = await playerWith({ 'Fire-1': 1 });
    const characterId = 'constructor';

    const attempts = [
      services.players.upgrades.spend(player.id, { characterId, stat: 'atk', points: 1 }),
      services.players.upgrades.convert(player.id, {
        characterId,
        element: 'Fire',
        stars: 1,
        count: 1,
      }),
      services.players.grantRewards(player.id, { key: 'k', characterExp: { [characterId]: 1 } }),
    ];

    const results = await Promise.allSettled(attempts);
    const codes = results.map((r) => (r.status === 'rejected' ? r.reason.code : 'accepted'));
    assert.deepEqual(codes, attempts.map(() => 'CHARACTER_NOT_OWNED'));
  });

  async function setUpgradePoints(playerId: string, characterId: string, points: number) {
    const players = services.connection.collection<{ _id: string }>('players');
    await players.updateOne(
      { _id: playerId },
      { $set: { [`roster.${characterId}.upgradePoints`]: points } },
    );
  }
});

function newRosterEntry() {
  return { exp: 0, stacks: 0, upgradePoints: 0, upgrades: {}, obtainedAt: new Date() };
}
