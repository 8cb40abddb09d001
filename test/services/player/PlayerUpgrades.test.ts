import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ITEM_UPGRADE_POINTS } from '../../../src/core/balance/gacha.ts';
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
});

function newRosterEntry() {
  return { exp: 0, stacks: 0, upgradePoints: 0, upgrades: {}, obtainedAt: new Date() };
}
