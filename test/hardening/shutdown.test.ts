import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FrayClient } from '../../src/client/FrayClient.ts';
import { RunPlayer, type RunView } from '../../src/client/RunPlayer.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';

const servers: ServerProcess[] = [];
const folders: string[] = [];

after(async () => {
  await Promise.all(servers.map((server) => server.kill('SIGKILL')));
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function startServer(dataDir: string): Promise<ServerProcess> {
  const server = await startServerProcess({ DATA_DIR: dataDir, BATTLE_PACING_MS: '300' });
  servers.push(server);
  return server;
}

function nextRoomIsBattle(state: RunView): boolean {
  const next = state.roomKinds[state.roomIndex + 1];
  return next === 'weak' || next === 'normal';
}

/** Plays rooms (battles skipped) until the next advance enters a battle. */
async function playUntilBeforeBattle(player: RunPlayer): Promise<void> {
  for (let rooms = 0; !nextRoomIsBattle(player.state); rooms++) {
    assert.ok(rooms < 20, 'no battle room within 20 rooms');
    await player.playRoom({ skipBattles: true });
  }
}

/** Two players, each in a battle under way on the same server. */
async function liveBattles(server: ServerProcess, count: number) {
  const seats = [];
  for (let i = 0; i < count; i++) {
    const client = new FrayClient(server.url);
    const session = await client.register(`term_${i}_${Date.now() % 1e8}`, 'password123');
    const room = await client.createRun({ party: (await client.me()).party, seed: 31 + i });
    const player = new RunPlayer(room);
    await player.ready();
    await playUntilBeforeBattle(player);
    await player.command('advance');
    await player.waitFor((s) => s.battle.actionCount > 0, 'the battle to be under way');
    seats.push({ session, runId: player.state.runId, roomIndex: player.state.roomIndex });
  }
  return seats;
}

describe('Server on SIGTERM', () => {
  it('saves every live battle, exits 0, and a restart resumes each run', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'fray-term-'));
    folders.push(dataDir);
    const first = await startServer(dataDir);
    const seats = await liveBattles(first, 2);

    const exitCode = await first.kill('SIGTERM');

    assert.equal(exitCode, 0);
    assert.ok(first.logs.some((entry) => entry.msg === 'shutdown finished'));
    const second = await startServer(dataDir);
    for (const seat of seats) {
      const client = new FrayClient(second.url);
      await client.login(seat.session.username, 'password123');
      const resumed = new RunPlayer(await client.resumeRun(seat.runId));
      await resumed.ready();
      assert.equal(resumed.state.roomIndex, seat.roomIndex);
      assert.equal(resumed.state.phase, 'battle');
      await resumed.room.leave(true);
    }
  });
});
