import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Room } from '@colyseus/sdk';
import { CommandRejectedError, RunPlayer } from '../../src/client/RunPlayer.ts';
import { startHostileGame, type HostileGame } from '../support/fuzzServer.ts';

const SOFT_PER_S = 5;
const FLOOD_PER_S = 15;
const WAIT_MS = 10_000;

let game: HostileGame;

before(async () => {
  game = await startHostileGame({ COMMANDS_PER_S: SOFT_PER_S, COMMAND_FLOOD_PER_S: FLOOD_PER_S });
});

after(async () => {
  await game.stop();
});

async function soloRun(): Promise<RunPlayer> {
  const owner = await game.newPlayer('host');
  // Unpaced: these tests send past the server's limit on purpose.
  const room = await owner.client.createRun({ party: ['avatar'], seed: 5 });
  const host = new RunPlayer(room, { commandsPerS: Infinity });
  await host.ready();
  return host;
}

/** A host's run with one invited spectator seated. */
async function watchedRun(): Promise<{ host: RunPlayer; fan: RunPlayer }> {
  const host = await soloRun();
  const watcher = await game.newPlayer('fan');
  await host.command('invite', { username: watcher.session.username });
  const fan = new RunPlayer(
    await watcher.client.joinRun(host.state.runId, { role: 'spectator' }),
  );
  await fan.ready();
  return { host, fan };
}

function codeOf(outcome: PromiseSettledResult<unknown>): string {
  if (outcome.status === 'fulfilled') return 'OK';
  const reason: unknown = outcome.reason;
  return reason instanceof CommandRejectedError ? reason.code : String(reason);
}

function closeCode(room: Room): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the flooder was not disconnected')), WAIT_MS);
    room.onLeave((code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** A ROOM_REQUEST frame whose payload is not MessagePack (0xc1 is never used). */
const GARBAGE_REQUEST = new Uint8Array([21, 1, 0xa1, 0x78, 0xc1, 0xc1]);

describe('RunRoom command rate limit', () => {
  it('answers commands past the per-second limit with RATE_LIMITED', async () => {
    const host = await soloRun();
    const burst = Array.from({ length: SOFT_PER_S + 3 }, () =>
      host.command('setSpeed', { speed: 2 }),
    );

    const codes = (await Promise.allSettled(burst)).map(codeOf);

    assert.deepEqual(codes.slice(0, SOFT_PER_S), Array(SOFT_PER_S).fill('OK'));
    assert.deepEqual(codes.slice(SOFT_PER_S), Array(3).fill('RATE_LIMITED'));
  });

  it('spreads a paced player\'s burst over time so none of it is refused', async () => {
    const host = await soloRun();
    const paced = new RunPlayer(host.room, { commandsPerS: SOFT_PER_S - 1 });
    const burst = Array.from({ length: SOFT_PER_S * 2 }, () =>
      paced.command('setSpeed', { speed: 2 }),
    );

    const codes = (await Promise.allSettled(burst)).map(codeOf);

    assert.deepEqual(codes, Array(SOFT_PER_S * 2).fill('OK'));
  });

  it('disconnects a flooding client only, and the room plays on', async () => {
    const { host, fan } = await watchedRun();
    const closed = closeCode(fan.room);

    for (let i = 0; i < FLOOD_PER_S * 2; i++) fan.room.send('setSpeed', { speed: 4 });

    assert.equal(await closed, 4002);
    assert.equal(host.room.connection.isOpen, true);
    assert.deepEqual(await host.command('advance'), { isDecided: true });
    const warned = game.log.entries().filter((e) => e.msg === 'client dropped for flooding');
    assert.equal(warned.length, 1);
  });

  it('disconnects a client flooding undecodable requests that reach no handler', async () => {
    const { host, fan } = await watchedRun();
    const closed = closeCode(fan.room);

    for (let i = 0; i < FLOOD_PER_S * 3; i++) fan.room.connection.send(GARBAGE_REQUEST);

    assert.equal(await closed, 4002);
    assert.deepEqual(await host.command('setSpeed', { speed: 2 }), { isDecided: true });
  });
});
