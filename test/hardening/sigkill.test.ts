import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrayClient } from '../../src/client/FrayClient.ts';
import { RunPlayer } from '../../src/client/RunPlayer.ts';
import { useServerProcesses } from '../support/serverProcess.ts';

const PASSWORD = 'password123';
const processes = useServerProcesses({ BATTLE_PACING_MS: '20' });

interface PullAnswer {
  pullId: string;
  tickets: number;
}

describe('Server on SIGKILL', () => {
  it('loses no acknowledged pull', async () => {
    const dataDir = await processes.dataDir();
    const first = await processes.start(dataDir);
    const client = new FrayClient(first.url);
    const { username } = await client.register(`puller_${Date.now() % 1e8}`, PASSWORD);
    const pull = await client.request<PullAnswer>('POST', '/api/gacha/pull', {
      bannerId: 'standard',
      count: 10,
    });

    await first.kill('SIGKILL');

    const returning = new FrayClient((await processes.start(dataDir)).url);
    await returning.login(username, PASSWORD);
    const history = await returning.request<{ pulls: Array<{ pullId?: string }> }>(
      'GET',
      '/api/gacha/history',
    );
    assert.equal((await returning.me()).tickets, pull.tickets);
    assert.ok(history.pulls.length > 0);
  });

  it('keeps an acknowledged card pick and resumes from the last completed room', async () => {
    const dataDir = await processes.dataDir();
    const first = await processes.start(dataDir);
    const client = new FrayClient(first.url);
    const { username } = await client.register(`picker_${Date.now() % 1e8}`, PASSWORD);
    const player = new RunPlayer(await client.createRun({ party: ['avatar'], seed: 21 }));
    await player.ready();
    while (player.state.phase !== 'reward' || player.state.reward.stage !== 'card') {
      assert.ok(player.state.roomIndex < 20 && player.state.phase !== 'ended', 'no card reward');
      const before = player.state.roomIndex;
      await player.command('advance');
      await player.waitFor((s) => s.roomIndex > before && s.phase !== 'battle', 'room played');
    }
    const cardId = player.state.reward.options.toArray()[0]!;
    const runId = player.state.runId;
    const roomIndex = player.state.roomIndex;

    await player.command('pickCard', { cardId });
    await first.kill('SIGKILL');

    const returning = new FrayClient((await processes.start(dataDir)).url);
    await returning.login(username, PASSWORD);
    const resumed = new RunPlayer(await returning.resumeRun(runId));
    await resumed.ready();
    assert.equal(resumed.state.roomIndex, roomIndex);
    assert.ok(resumed.state.cards.toArray().includes(cardId), `card "${cardId}" was lost`);
  });
});
