import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrayClient } from '../../src/client/FrayClient.ts';
import { RunPlayer } from '../../src/client/RunPlayer.ts';
import { playUntilBeforeBattle } from '../support/runs.ts';
import { useServerProcesses, type ServerProcess } from '../support/serverProcess.ts';

const processes = useServerProcesses({ BATTLE_PACING_MS: '300' });

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
    const dataDir = await processes.dataDir();
    const first = await processes.start(dataDir);
    const seats = await liveBattles(first, 2);

    const exitCode = await first.kill('SIGTERM');

    assert.equal(exitCode, 0);
    assert.ok(first.logs.some((entry) => entry.msg === 'shutdown finished'));
    const second = await processes.start(dataDir);
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
