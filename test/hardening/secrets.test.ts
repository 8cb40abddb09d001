import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FrayClient } from '../../src/client/FrayClient.ts';
import { RunPlayer } from '../../src/client/RunPlayer.ts';
import { startHostileGame, type HostileGame } from '../support/fuzzServer.ts';

const PASSWORD = 'Sekret-Passw0rd-7731';

let game: HostileGame;

before(async () => {
  game = await startHostileGame();
});

after(async () => {
  await game.stop();
});

async function rejection(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  return String((error as Error | undefined)?.message ?? 'no rejection');
}

describe('Logs and authorisation', () => {
  it('logs neither passwords nor tokens through register, login, join and refusals', async () => {
    const client = new FrayClient(game.server.httpUrl);
    const username = `quiet_${Date.now() % 1e8}`;
    const registered = await client.register(username, PASSWORD);
    const wrong = { username, password: `${PASSWORD}x` };
    await rejection(client.request('POST', '/api/auth/login', wrong));
    const session = await client.login(username, PASSWORD);
    const player = new RunPlayer(await client.createRun({ party: ['avatar'], seed: 9 }));
    await player.ready();
    await player.room.leave(true);

    const text = game.log.lines.join('\n');

    assert.ok(game.log.lines.length > 5, 'nothing was logged at debug');
    for (const secret of [PASSWORD, registered.token, session.token]) {
      assert.equal(text.includes(secret), false);
      assert.equal(text.includes(secret.split('.').at(-1) ?? secret), false);
    }
  });

  it('refuses to resume another player\'s saved run (NOT_A_MEMBER)', async () => {
    const owner = await game.newPlayer('owner');
    const player = new RunPlayer(await owner.client.createRun({ party: ['avatar'], seed: 4 }));
    await player.ready();
    const runId = player.state.runId;
    await player.room.leave(true);
    const stranger = await game.newPlayer('stranger');

    const message = await rejection(stranger.client.resumeRun(runId));

    assert.match(message, /^NOT_A_MEMBER/);
  });

  it('refuses an uninvited spectator (NOT_A_MEMBER)', async () => {
    const owner = await game.newPlayer('owner');
    const player = new RunPlayer(await owner.client.createRun({ party: ['avatar'], seed: 4 }));
    await player.ready();
    const stranger = await game.newPlayer('stranger');

    const message = await rejection(
      stranger.client.joinRun(player.state.runId, { role: 'spectator' }),
    );

    assert.match(message, /^NOT_A_MEMBER/);
    assert.equal(player.state.roomIndex, 0);
  });

  it('refuses a stranger\'s REST abandon of another player\'s run', async () => {
    const owner = await game.newPlayer('owner');
    const player = new RunPlayer(await owner.client.createRun({ party: ['avatar'], seed: 4 }));
    await player.ready();
    const stranger = await game.newPlayer('stranger');

    const message = await rejection(
      stranger.client.request('POST', `/api/runs/${player.state.runId}/abandon`),
    );

    assert.match(message, /not found/);
    assert.notEqual(player.state.phase, 'ended');
  });
});
