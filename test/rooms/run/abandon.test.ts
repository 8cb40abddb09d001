import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RunPlayer } from '../../../src/client/RunPlayer.ts';
import { RunService } from '../../../src/services/RunService.ts';
import { startHostileGame, type HostileGame } from '../../support/fuzzServer.ts';

let game: HostileGame;

before(async () => {
  game = await startHostileGame();
});

after(async () => {
  await game.stop();
});

async function hostedRun() {
  const host = await game.newPlayer('host');
  const player = new RunPlayer(await host.client.createRun({ party: ['avatar'], seed: 3 }));
  await player.ready();
  return { host, player, runEnded: player.nextMessage<{ result: string }>('runEnded') };
}

describe('RunRoom and an abandoned run', () => {
  it('tells its players at once when the host abandons the run through the API', async () => {
    const { host, player, runEnded } = await hostedRun();

    const path = `/api/runs/${player.state.runId}/abandon`;
    const summary = await host.client.request<{ status: string }>('POST', path);

    assert.equal(summary.status, 'abandoned');
    assert.deepEqual(await runEnded, { result: 'abandoned' });
    assert.equal((await player.waitFor((s) => s.phase === 'ended', 'the end')).result, 'abandoned');
    assert.deepEqual(game.log.errors(), []);
  });

  it('closes once, telling its players, when another writer abandoned its run', async () => {
    const { host, player, runEnded } = await hostedRun();
    const left = new Promise<number>((resolve) => player.room.onLeave((code) => resolve(code)));
    // What a writer that bypasses the room leaves behind: the room's next saves are refused.
    await new RunService().abandon(player.state.runId, host.session.playerId);

    for (const speed of [2, 4, 1]) player.room.send('setSpeed', { speed });

    assert.deepEqual(await runEnded, { result: 'abandoned' });
    assert.equal(typeof (await left), 'number');
    const closing = 'run abandoned elsewhere; closing room';
    assert.equal(game.log.entries().filter((entry) => entry.msg === closing).length, 1);
    assert.deepEqual(game.log.errors(), []);
  });
});
