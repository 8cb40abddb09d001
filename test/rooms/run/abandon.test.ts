import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RunPlayer } from '../../../src/client/RunPlayer.ts';
import { startHostileGame, type HostileGame } from '../../support/fuzzServer.ts';

let game: HostileGame;

before(async () => {
  game = await startHostileGame();
});

after(async () => {
  await game.stop();
});

describe('RunRoom and an abandoned run', () => {
  it('tells its players and closes when the host abandons the run through the API', async () => {
    const { client } = await game.newPlayer('host');
    const player = new RunPlayer(await client.createRun({ party: ['avatar'], seed: 3 }));
    await player.ready();
    const told = player.nextMessage<{ result: string }>('runEnded');
    const left = new Promise<number>((resolve) => player.room.onLeave((code) => resolve(code)));
    await client.request('POST', `/api/runs/${player.state.runId}/abandon`);

    await player.command('setSpeed', { speed: 2 });

    assert.deepEqual(await told, { result: 'abandoned' });
    assert.equal(typeof (await left), 'number');
    const closing = 'run abandoned elsewhere; closing room';
    assert.equal(game.log.entries().filter((entry) => entry.msg === closing).length, 1);
    assert.deepEqual(game.log.errors(), []);
  });
});
