import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHostileGame, type HostileGame } from '../../support/fuzzServer.ts';

let game: HostileGame;

before(async () => {
  game = await startHostileGame();
});

after(async () => {
  await game.stop();
});

describe('RunRoom refusals', () => {
  it('refuses to resume an unknown run with RUN_NOT_FOUND and logs it below error', async () => {
    const { client } = await game.newPlayer();

    const error = await client.resumeRun('r_nope').catch((caught: Error) => caught);

    assert.match(String((error as Error).message), /^RUN_NOT_FOUND/);
    const refused = game.log.entries().filter((entry) => entry.msg === 'room hook refused');
    assert.equal(refused.at(-1)?.code, 'RUN_NOT_FOUND');
    assert.deepEqual(game.log.errors(), []);
  });
});
