import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, FrayClient } from '../../src/client/FrayClient.ts';
import { RunPlayer } from '../../src/client/RunPlayer.ts';
import { startTestGame, type TestGame } from '../support/gameServer.ts';

let game: TestGame;

before(async () => {
  game = await startTestGame();
});

after(async () => {
  await game.stop();
});

/** A player with a run whose first battle is fought; returns the run and battle ids. */
async function playerWithBattle() {
  const { client } = await game.newPlayer('runner');
  const room = await client.createRun({ party: ['avatar'], seed: 99 });
  const player = new RunPlayer(room);
  await player.ready();
  const ended = player.nextMessage<{ digest: string }>('battleEnded');
  await player.command('advance');
  await player.command('skipBattle');
  const { digest } = await ended;
  const runId = player.state.runId;
  return { client, player, runId, battleId: `${runId}:1:1`, digest };
}

async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  assert.ok(error instanceof ApiError, `expected an API error, got ${String(error)}`);
  return error;
}

describe('runs and battles API', () => {
  it('lists the runs a player belongs to', async () => {
    const { client, runId } = await playerWithBattle();

    const { runs } = await client.request<{ runs: Array<{ id: string }> }>('GET', '/api/runs');

    assert.deepEqual(runs.map((run) => run.id), [runId]);
  });

  it('hides a run from a player who is not a member (RUN_NOT_FOUND)', async () => {
    const { runId } = await playerWithBattle();
    const { client: stranger } = await game.newPlayer('stranger');

    const error = await apiError(stranger.request('GET', `/api/runs/${runId}`));

    assert.equal(error.status, 404);
    assert.equal(error.code, 'RUN_NOT_FOUND');
  });

  it('answers 401 without a token', async () => {
    const anonymous = new FrayClient(game.server.httpUrl);

    const error = await apiError(anonymous.request('GET', '/api/runs'));

    assert.equal(error.status, 401);
  });

  it('abandons a run for its host only', async () => {
    const { client, runId } = await playerWithBattle();
    const { client: stranger } = await game.newPlayer('stranger');

    const refused = await apiError(stranger.request('POST', `/api/runs/${runId}/abandon`));
    const summary = await client.request<{ status: string }>('POST', `/api/runs/${runId}/abandon`);

    assert.equal(refused.code, 'RUN_NOT_FOUND');
    assert.equal(summary.status, 'abandoned');
  });

  it('records a fought battle with its digest', async () => {
    const { client, battleId, digest } = await playerWithBattle();

    const battle = await client.request<{ digest: string; seed: number }>(
      'GET',
      `/api/battles/${battleId}`,
    );

    assert.equal(battle.digest, digest);
    assert.ok(Number.isInteger(battle.seed));
  });

  it('replays a recorded battle to the same digest', async () => {
    const { client, battleId } = await playerWithBattle();

    const check = await client.request<{ matches: boolean }>(
      'POST',
      `/api/battles/${battleId}/replay`,
    );

    assert.equal(check.matches, true);
  });

  it('hides a battle from a player who is not a member of its run', async () => {
    const { battleId } = await playerWithBattle();
    const { client: stranger } = await game.newPlayer('stranger');

    const error = await apiError(stranger.request('GET', `/api/battles/${battleId}`));

    assert.equal(error.status, 404);
  });
});
