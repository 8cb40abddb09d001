import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RunPlayer } from '../../src/client/RunPlayer.ts';
import { startTestGame, type TestGame } from '../support/gameServer.ts';

let game: TestGame;

before(async () => {
  game = await startTestGame();
});

after(async () => {
  await game.stop();
});

async function soloPlayer(): Promise<RunPlayer> {
  const { client } = await game.newPlayer();
  const player = new RunPlayer(await client.createRun({ party: ['avatar'] }));
  await player.ready();
  return player;
}

describe('RunPlayer', () => {
  it('ends its waits as soon as the room is left, long before their deadlines', async () => {
    const player = await soloPlayer();
    const state = player.waitFor(() => false, 'a state that never comes', 60_000);
    const message = player.nextMessage('neverSent', 60_000);

    await player.room.leave();

    await assert.rejects(state, /Left the room .* a state that never comes/);
    await assert.rejects(message, /Left the room .* message "neverSent"/);
  });
});
