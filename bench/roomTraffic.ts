/**
 * Bytes one client receives while a 5 v 5 battle plays at default pacing in a real `run` room:
 * the whole server in this process on 127.0.0.1, two players (3 + 2 characters) in co-op, and
 * the first run seed whose first battle fields five foes. Prints JSON.
 *
 *   npm run bench:room [-- --seconds 10]
 * A bad option exits 2 with the usage on stderr; stdout only ever carries the JSON.
 */
import type { Room } from '@colyseus/sdk';
import { FrayClient } from '../src/client/FrayClient.ts';
import { RunPlayer } from '../src/client/RunPlayer.ts';
import { loadConfig } from '../src/core/config.ts';
import { logger } from '../src/core/logger.ts';
import { startGameServer, type GameServer } from '../src/server.ts';
import { integerOption, parseCommandLine, withUsage } from '../scripts/commandLine.ts';

const SEEDS_TRIED = 40;
const FOES_WANTED = 5;

export interface RoomTraffic {
  bytesPerClientPerSec: number;
  messagesPerClientPerSec: number;
  actionsPerSec: number;
  measuredSeconds: number;
  pacingMs: number;
  foes: number;
  partySize: number;
}

/** Counts every WebSocket frame the room's connection receives from now on. */
function countFrames(room: Room): { bytes: number; frames: number } {
  const counter = { bytes: 0, frames: 0 };
  const events = room.connection.events;
  const deliver = events.onmessage;
  events.onmessage = (event: MessageEvent) => {
    counter.bytes += (event.data as ArrayBuffer).byteLength;
    counter.frames += 1;
    deliver?.(event);
  };
  return counter;
}

async function coopFiveVersusFive(server: GameServer, seed: number) {
  const host = new FrayClient(server.httpUrl);
  const friend = new FrayClient(server.httpUrl);
  await host.register(`bench_h${seed}_${process.pid}`, 'password123');
  const friendSession = await friend.register(`bench_f${seed}_${process.pid}`, 'password123');
  const hostParty = (await host.me()).party;
  const friendParty = (await friend.me()).party.filter((id) => id !== 'avatar').slice(0, 2);

  const hostPlayer = new RunPlayer(await host.createRun({ party: hostParty, seed }));
  await hostPlayer.ready();
  await hostPlayer.command('invite', { username: friendSession.username });
  const runId = hostPlayer.state.runId;
  const joined = await friend.joinRun(runId, { role: 'member', party: friendParty });
  const friendPlayer = new RunPlayer(joined);
  await friendPlayer.ready();
  return { hostPlayer, friendPlayer };
}

async function measure(seconds: number): Promise<RoomTraffic> {
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: ':memory:' });
  const server = await startGameServer({ config, logger });
  try {
    for (let seed = 1; seed <= SEEDS_TRIED; seed++) {
      const { hostPlayer, friendPlayer } = await coopFiveVersusFive(server, seed);
      const started = hostPlayer.nextMessage<{ foes: string[] }>('battleStarted');
      await hostPlayer.command('advance');
      await friendPlayer.command('advance');
      const { foes } = await started;
      if (foes.length < FOES_WANTED) {
        await Promise.all([hostPlayer.room.leave(), friendPlayer.room.leave()]);
        continue;
      }
      // The battle message can arrive before the state patch that shows the battle.
      await friendPlayer.waitFor((s) => s.phase === 'battle', 'the battle to show', 5000);
      const counter = countFrames(friendPlayer.room);
      const actionsBefore = friendPlayer.state.battle.actionCount;
      const startedAt = performance.now();
      await friendPlayer
        .waitFor((s) => s.phase !== 'battle', 'the battle to end', seconds * 1000)
        .catch(() => undefined);
      const elapsedS = (performance.now() - startedAt) / 1000;
      const actions = friendPlayer.state.battle.actionCount - actionsBefore;
      return {
        bytesPerClientPerSec: Math.round(counter.bytes / elapsedS),
        messagesPerClientPerSec: Number((counter.frames / elapsedS).toFixed(2)),
        actionsPerSec: Number((actions / elapsedS).toFixed(2)),
        measuredSeconds: Number(elapsedS.toFixed(2)),
        pacingMs: config.BATTLE_PACING_MS,
        foes: foes.length,
        partySize: 5,
      };
    }
    throw new Error(`No seed from 1 to ${SEEDS_TRIED} gave a first battle with five foes`);
  } finally {
    await server.stop();
  }
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const usage = 'Usage: npm run bench:room -- [--seconds S (1 to 3600, default 10)]';
  const seconds = withUsage(usage, () => {
    const options = { seconds: { type: 'string', default: '10' } } as const;
    const { values } = parseCommandLine({ options });
    return integerOption('--seconds', values.seconds, 1, 3600);
  });
  measure(seconds).then(
    (result) => {
      console.log(JSON.stringify(result, null, 2));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(`bench:room failed: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    },
  );
}

export { measure as measureRoomTraffic };
