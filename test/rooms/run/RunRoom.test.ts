import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { matchMaker } from '@colyseus/core';
import { CommandRejectedError, RunPlayer } from '../../../src/client/RunPlayer.ts';
import { FrayClient } from '../../../src/client/FrayClient.ts';
import { startTestGame, type TestGame } from '../../support/gameServer.ts';

let game: TestGame;

before(async () => {
  game = await startTestGame();
});

after(async () => {
  await game.stop();
});

async function startRun(seed = 1234) {
  const { client, session } = await game.newPlayer();
  const me = await client.me();
  const room = await client.createRun({ party: me.party, seed });
  const player = new RunPlayer(room);
  await player.ready();
  return { client, session, room, player };
}

async function rejection(promise: Promise<unknown>): Promise<CommandRejectedError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  assert.ok(error instanceof CommandRejectedError, `expected a rejection, got ${String(error)}`);
  return error;
}

describe('RunRoom', () => {
  it('seats the creator as host at the start of floor 1', async () => {
    const { player, session } = await startRun();

    const member = [...(player.room.state.members as Map<string, any>).values()][0];

    assert.equal(player.state.phase, 'map');
    assert.equal(player.state.floor, 1);
    assert.equal(player.state.roomIndex, 0);
    assert.equal(member.playerId, session.playerId);
    assert.equal(member.isHost, true);
  });

  it('plays a battle at pacing to its end and offers cards on victory', async () => {
    const { player } = await startRun(7);
    const ended = player.nextMessage<{ outcome: string; actions: number }>('battleEnded', 30_000);

    await player.command('advance');
    const result = await ended;

    assert.ok(result.actions > 0);
    await player.waitFor((s) => s.phase !== 'battle', 'the battle to settle');
    const expected = result.outcome === 'victory' ? 'reward' : 'ended';
    assert.equal(player.state.phase, expected);
  });

  it('answers a decided command only after the patch that shows its outcome', async () => {
    const { player } = await startRun(7);

    await player.command('advance');

    // The answer waits for the save (up to 2 s) while the battle plays on, so the battle may be
    // over by then; the room it entered stays.
    assert.equal(player.state.roomIndex, 1);
    assert.notEqual(player.state.phase, 'map');
  });

  it('mirrors each action into the battle state as it plays', async () => {
    const { player } = await startRun(11);
    await player.command('advance');

    await player.waitFor((s) => s.battle.actionCount >= 3, 'three actions');

    assert.ok(player.state.battle.actionCount >= 3);
  });

  it('refuses a card that was not offered (NOT_OFFERED)', async () => {
    const { player } = await winFirstBattle();

    const error = await rejection(player.command('pickCard', { cardId: 'not-a-card' }));

    assert.equal(error.code, 'NOT_OFFERED');
  });

  it('refuses to advance while a reward choice is pending (CHOICE_PENDING)', async () => {
    const { player } = await winFirstBattle();

    const error = await rejection(player.command('advance'));

    assert.equal(error.code, 'CHOICE_PENDING');
  });

  it('takes an offered card into the party deck', async () => {
    const { player } = await winFirstBattle();
    const cardId = player.state.reward.options.toArray()[0];

    await player.command('pickCard', { cardId });

    await player.waitFor((s) => s.cards.toArray().includes(String(cardId)), 'the card');
  });

  it('answers an invalid payload with INVALID_PAYLOAD and keeps the room', async () => {
    const { player } = await startRun();

    const error = await rejection(player.command('pickCard', { cardId: 42 }));

    assert.equal(error.code, 'INVALID_PAYLOAD');
    assert.match(error.message, /cardId/);
    assert.equal(game.colyseus.getRoomById(player.state.runId).clients.length, 1);
    assert.equal(((await player.command('advance')) as { isDecided: boolean }).isDecided, true);
  });

  it('answers an unknown command with a commandRejected notice', async () => {
    const { player } = await startRun();
    const notice = player.nextMessage<{ code: string; command: string }>('commandRejected');

    player.room.send('danceWildly', { please: true });

    assert.deepEqual(await notice, {
      command: 'danceWildly',
      code: 'UNKNOWN_COMMAND',
      message: 'Command "danceWildly" does not exist',
    });
  });

  it('refuses a second room for a run that has a live room (CONFLICT)', async () => {
    const { client, player } = await startRun();

    const error = await client.sdk
      .create('run', { runId: player.state.runId })
      .catch((caught: Error) => caught);

    assert.match(String((error as Error).message), /^CONFLICT/);
    assert.equal(game.colyseus.getRoomById(player.state.runId).clients.length, 1);
  });

  it('refuses a seat without a token before any room exists', async () => {
    const anonymous = new FrayClient(game.server.httpUrl);
    const roomsBefore = matchMaker.stats.local.roomCount;

    const error = await anonymous.createRun({ party: ['avatar'] }).catch((caught) => caught);

    assert.equal((error as { code?: number }).code, 401);
    assert.equal(matchMaker.stats.local.roomCount, roomsBefore);
  });

  it('refuses a seat with a forged token before any room exists', async () => {
    const forger = new FrayClient(game.server.httpUrl);
    forger.useToken('v1.forged.token');
    const roomsBefore = matchMaker.stats.local.roomCount;

    const error = await forger.createRun({ party: ['avatar'] }).catch((caught) => caught);

    assert.equal((error as { code?: number }).code, 401);
    assert.equal(matchMaker.stats.local.roomCount, roomsBefore);
  });
});

/** Starts runs on successive seeds until one wins its first battle; returns it at the reward. */
async function winFirstBattle() {
  for (let seed = 100; seed < 120; seed++) {
    const run = await startRun(seed);
    await run.player.command('advance');
    await run.player.command('skipBattle');
    await run.player.waitFor((s) => s.phase !== 'battle', 'the battle to end');
    if (run.player.state.phase === 'reward' && run.player.state.reward.stage === 'card') return run;
    await run.room.leave();
  }
  throw new Error('No seed from 100 to 119 won its first battle');
}
