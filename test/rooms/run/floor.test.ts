import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FLOOR } from '../../../src/core/balance/runs.ts';
import { FrayClient } from '../../../src/client/FrayClient.ts';
import { RunPlayer } from '../../../src/client/RunPlayer.ts';
import { startTestGame, type TestGame } from '../../support/gameServer.ts';

const ADMIN_TOKEN = 'floor-test-admin-token';
const UPGRADE_POINTS_PER_STAT = 20_000;
let game: TestGame;

before(async () => {
  game = await startTestGame({ ADMIN_TOKEN });
});

after(async () => {
  await game.stop();
});

/** Upgrades a player's avatar through the real API: an admin grant, converted, then spent. */
async function upgradeAvatar(client: FrayClient, username: string): Promise<void> {
  const admin = new FrayClient(game.server.httpUrl);
  admin.useToken(ADMIN_TOKEN);
  await admin.request('POST', '/api/admin/grant', { username, items: { 'Fire-4': 1 } });
  const convert = { characterId: 'avatar', element: 'Fire', stars: 4, count: 1 };
  await client.request('POST', '/api/me/upgrades/convert', convert);
  for (const stat of ['maxHp', 'atk', 'def', 'spd']) {
    const spend = { characterId: 'avatar', stat, points: UPGRADE_POINTS_PER_STAT };
    await client.request('POST', '/api/me/upgrades/spend', spend);
  }
}

describe('RunRoom over a whole floor', () => {
  it('plays every room of floor 1 and clears the boss', async () => {
    const { client, session } = await game.newPlayer('veteran');
    await upgradeAvatar(client, session.username);
    const room = await client.createRun({ party: ['avatar'], seed: 4242 });
    const player = new RunPlayer(room);
    await player.ready();
    const floorCleared = player.nextMessage<{ floor: number }>('floorCleared', 120_000);

    const played: string[] = [];
    while (player.state.roomIndex < FLOOR.rooms - 1 && player.state.phase !== 'ended') {
      played.push(await player.playRoom({ skipBattles: true }));
    }

    assert.equal(player.state.result, '', `the run ended with ${player.state.result}`);
    assert.equal(played.length, FLOOR.rooms - 1);
    assert.equal(played.at(-1), 'boss');
    assert.deepEqual(await floorCleared, { floor: 1 });
  });
});
