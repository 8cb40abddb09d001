import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RunPlayer, type RunView } from '../../src/client/RunPlayer.ts';
import { startHostileGame, type HostileGame } from '../support/fuzzServer.ts';

let game: HostileGame;

before(async () => {
  game = await startHostileGame({ BATTLE_PACING_MS: 60, RECONNECT_WINDOW_S: 5 });
});

after(async () => {
  await game.stop();
});

function nextRoomIsBattle(state: RunView): boolean {
  const next = state.roomKinds[state.roomIndex + 1];
  return next === 'weak' || next === 'normal';
}

/** A solo run whose first battle is under way. */
async function runInBattle(): Promise<RunPlayer> {
  const { client } = await game.newPlayer('dropper');
  const player = new RunPlayer(await client.createRun({ party: ['avatar'], seed: 8 }));
  await player.ready();
  for (let rooms = 0; !nextRoomIsBattle(player.state); rooms++) {
    assert.ok(rooms < 20, 'no battle room within 20 rooms');
    await player.playRoom({ skipBattles: true });
  }
  await player.command('advance');
  await player.waitFor((s) => s.battle.actionCount > 0, 'the battle to be under way');
  return player;
}

describe('RunRoom reconnection mid-battle', () => {
  it('gives a dropped player their seat back, and the run goes on after the battle', async () => {
    const player = await runInBattle();
    const { sessionId } = player.room;
    const roomIndex = player.state.roomIndex;
    const reconnected = new Promise<void>((resolve) => player.room.onReconnect(() => resolve()));
    player.room.reconnection.minUptime = 0;

    player.room.connection.close(4010, 'network lost');
    await reconnected;

    assert.equal(player.room.sessionId, sessionId);
    await player.waitFor((s) => s.phase !== 'battle', 'the battle to end', 60_000);
    assert.notEqual(player.state.phase, 'ended', 'the party lost the first battle');
    await player.claimRewards();
    await player.playRoom({ skipBattles: true });
    assert.ok(player.state.roomIndex > roomIndex);
  });
});
