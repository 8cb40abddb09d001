import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { matchMaker } from '@colyseus/core';
import type { FrayClient } from '../../src/client/FrayClient.ts';
import { CommandRejectedError, RunPlayer } from '../../src/client/RunPlayer.ts';
import { drawSeeded, fuzzMessages, type FuzzMessage } from '../support/fuzzMessages.ts';
import { fuzzRequests, sendFuzzRequest } from '../support/fuzzRequests.ts';
import { startHostileGame, type HostileGame } from '../support/fuzzServer.ts';

const SEED = 0x9_2026;
const SEATS = 4;
const MESSAGES_PER_SEAT = 2_600;
const REQUESTS = 1_500;
const YIELD_EVERY = 100;

let game: HostileGame;

before(async () => {
  // No rate limit or reconnection window here: this test aims at validation, not at the limiter.
  game = await startHostileGame({
    COMMANDS_PER_S: 1_000_000,
    COMMAND_FLOOD_PER_S: 1_000_000,
    RECONNECT_WINDOW_S: 0,
  });
});

after(async () => {
  await game.stop();
});

interface Seat {
  client: FrayClient;
  runId: string;
  player: RunPlayer;
  reconnects: number;
}

async function openSeat(seed: number): Promise<Seat> {
  const { client } = await game.newPlayer('fuzz');
  const player = new RunPlayer(await client.createRun({ party: ['avatar'], seed }));
  await player.ready();
  return { client, runId: player.state.runId, player, reconnects: 0 };
}

/** Joins the run again when the server closed the seat (garbage frames do that). */
async function reopen(seat: Seat): Promise<void> {
  if (seat.player.room.connection.isOpen) return;
  seat.reconnects++;
  seat.player = new RunPlayer(await seat.client.resumeRun(seat.runId));
  await seat.player.ready();
}

async function hammer(seat: Seat, messages: FuzzMessage[]): Promise<number> {
  let sent = 0;
  for (const [index, message] of messages.entries()) {
    await reopen(seat);
    if (send(seat.player, message)) sent++;
    if (index % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return sent;
}

/** False when the SDK refuses to encode the message itself (it never reached the server). */
function send(player: RunPlayer, message: FuzzMessage): boolean {
  try {
    if (message.kind === 'raw') player.room.connection.send(message.bytes);
    else player.room.send(message.type as string, message.payload);
    return true;
  } catch {
    return false;
  }
}

/**
 * A request answered (accepted or refused with a code) proves the room processed the rest. A
 * garbage frame still in flight may close the seat first, so it asks again on a new seat.
 */
async function answers(seat: Seat): Promise<string> {
  let outcome = 'not asked';
  for (let attempt = 0; attempt < 3 && outcome !== 'answered'; attempt++) {
    await reopen(seat);
    outcome = await seat.player.command('setSpeed', { speed: 1 }).then(
      () => 'answered',
      (error: unknown) => (error instanceof CommandRejectedError ? 'answered' : String(error)),
    );
  }
  return outcome;
}

function unexpectedErrors(): Array<Record<string, unknown>> {
  // Colyseus logs undecodable frames itself, at error level; see #9 in the report.
  const isFrameDecodeError = (entry: Record<string, unknown>) =>
    entry.component === 'colyseus' && /msgpackr|MessagePack|decode/i.test(String(entry.msg));
  return game.log.errors().filter((entry) => !isFrameDecodeError(entry));
}

describe('Server under hostile input', () => {
  it('keeps every room and answers after 10,000 malformed room messages', async () => {
    const seats = await Promise.all(Array.from({ length: SEATS }, (_, i) => openSeat(i + 1)));

    const sent = await Promise.all(
      seats.map((seat, i) => hammer(seat, drawSeeded(fuzzMessages, SEED + i, MESSAGES_PER_SEAT))),
    );

    assert.ok(sent.reduce((a, b) => a + b, 0) >= 10_000, `only ${sent.join('+')} messages sent`);
    for (const seat of seats) {
      assert.equal(await answers(seat), 'answered');
      assert.equal((await matchMaker.query({ roomId: seat.runId })).length, 1, seat.runId);
    }
    assert.deepEqual(unexpectedErrors(), []);
  });

  it('answers 1,500 malformed REST requests with coded 4xx; accounts stay whole', async () => {
    const { client, session } = await game.newPlayer('rest');
    await client.request('POST', '/api/gacha/pull', { bannerId: 'standard', count: 1 });
    const requests = drawSeeded(fuzzRequests, SEED, REQUESTS);

    const statuses = [];
    for (const request of requests) {
      statuses.push(await sendFuzzRequest(game.server.httpUrl, request, session.token));
    }

    assert.deepEqual(statuses.filter((status) => status.code >= 500), []);
    assert.ok(statuses.every((status) => status.code < 400 || status.hasErrorShape));
    const me = await client.me();
    const history = await client.request<{ pulls: unknown[] }>('GET', '/api/gacha/history');
    assert.ok(history.pulls.length >= 1);
    assert.equal(me.tickets + history.pulls.length, 20);
    assert.deepEqual(unexpectedErrors(), []);
  });
});

