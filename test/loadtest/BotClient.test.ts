import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Room } from '@colyseus/sdk';
import { BotClient, ConnectionLostError } from '../../loadtest/BotClient.ts';
import { LoadStats } from '../../loadtest/LoadStats.ts';

/** Close codes of the Colyseus protocol that these tests send. */
const ABNORMAL_CLOSURE = 1006;
const CONSENTED = 4000;
/** The shortest deadline the harness accepts; only the loss test waits, and not that long. */
const WAIT_MS = 1_000;

type Handler = (...args: never[]) => void;

/** A stand-in for one SDK signal: register with a call, fire with `invoke`. */
function makeSignal<H extends Handler>() {
  let handlers: H[] = [];
  const register = (handler: H) => void handlers.push(handler);
  register.once = (handler: H) => {
    const wrapped = ((...args: never[]) => {
      register.remove(wrapped);
      handler(...args);
    }) as H;
    handlers.push(wrapped);
  };
  register.remove = (handler: H) => void (handlers = handlers.filter((h) => h !== handler));
  register.invoke = (...args: Parameters<H>) => {
    for (const handler of [...handlers]) handler(...args);
  };
  return register;
}

/**
 * A joined run room as the bot sees it. A close the client makes is answered as the SDK would
 * for a drop it may retry (onDrop, then onReconnect); a consented leave fires onLeave.
 */
function makeRoom() {
  const room = {
    roomId: 'r_1',
    state: { runId: 'r_1' },
    reconnection: { enabled: true },
    onDrop: makeSignal<(code: number, reason?: string) => void>(),
    onReconnect: makeSignal<() => void>(),
    onLeave: makeSignal<(code: number, reason?: string) => void>(),
    onStateChange: makeSignal<() => void>(),
    onMessage: () => () => {},
    connection: {
      events: {} as { onmessage?: (event: { data: ArrayBuffer }) => void },
      close: (code: number) => {
        room.onDrop.invoke(code, '');
        queueMicrotask(() => room.onReconnect.invoke());
      },
    },
    leave: async () => {
      room.onLeave.invoke(CONSENTED, '');
      return CONSENTED;
    },
  };
  return room;
}

/** A bot seated in a fake room, with the stats it counts into and the test's stop switch. */
async function makeSeatedBot() {
  const stats = new LoadStats();
  const controller = new AbortController();
  const bot = new BotClient('lt_0', 'http://127.0.0.1:1', stats, controller.signal, WAIT_MS);
  const room = makeRoom();
  await bot.enter(async () => room as unknown as Room);
  return { bot, room, stats, controller };
}

describe('BotClient', () => {
  it('counts a room left unexpectedly as CONNECTION_LOST with its close code', async () => {
    const { room, stats } = await makeSeatedBot();

    room.onLeave.invoke(ABNORMAL_CLOSURE, 'Room uptime too short for reconnection.');

    assert.deepEqual(Object.fromEntries(stats.errors), { CONNECTION_LOST: 1 });
    assert.deepEqual([...stats.failedBots], ['lt_0']);
    assert.match(stats.failureSamples[0] ?? '', /"lt_0" .* room "r_1" \(close code 1006: Room/);
  });

  it('counts an unexpected drop once however often the SDK retries', async () => {
    const { room, stats } = await makeSeatedBot();

    for (let attempt = 0; attempt < 3; attempt += 1) room.onDrop.invoke(ABNORMAL_CLOSURE, '');
    room.onLeave.invoke(4003, 'No more retries. Reconnection failed.');

    assert.deepEqual(Object.fromEntries(stats.errors), { CONNECTION_LOST: 1 });
    assert.equal(stats.failureSamples.length, 1);
  });

  it('rejects a wait of the bot when its room is lost', async () => {
    const { bot, room } = await makeSeatedBot();
    const waiting = bot.waitFor(() => false, 'a state that never comes');

    room.onLeave.invoke(ABNORMAL_CLOSURE, '');

    await assert.rejects(waiting, ConnectionLostError);
    assert.equal(bot.hasLostConnection, true);
  });

  it('does not count a leave the bot asks for', async () => {
    const { bot, stats } = await makeSeatedBot();

    await bot.leave();

    assert.deepEqual(Object.fromEntries(stats.errors), {});
    assert.equal(bot.isConnected, false);
  });

  it('does not count the drop the scenario makes', async () => {
    const { bot, stats } = await makeSeatedBot();

    await bot.dropAndReconnect();

    assert.deepEqual(Object.fromEntries(stats.errors), {});
    assert.equal(stats.drops, 1);
    assert.equal(bot.isConnected, true);
  });

  it('does not count a room closing after the end of the test', async () => {
    const { room, stats, controller } = await makeSeatedBot();
    controller.abort();

    room.onLeave.invoke(ABNORMAL_CLOSURE, '');

    assert.deepEqual(Object.fromEntries(stats.errors), {});
  });
});
