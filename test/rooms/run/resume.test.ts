import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FrayClient } from '../../../src/client/FrayClient.ts';
import { RunPlayer, type RunView } from '../../../src/client/RunPlayer.ts';
import { playUntilBeforeBattle } from '../../support/runs.ts';
import { useServerProcesses } from '../../support/serverProcess.ts';

const processes = useServerProcesses({ BATTLE_PACING_MS: '200' });

function snapshot(state: RunView) {
  const hp: Record<string, number> = {};
  state.party.forEach((member, key) => {
    hp[key] = member.hp;
  });
  const relics: Record<string, number> = {};
  state.relics.forEach((count, id) => {
    relics[id] = count;
  });
  return { roomIndex: state.roomIndex, hp, cards: state.cards.toArray(), relics, gold: state.gold };
}

describe('RunRoom after a server crash', () => {
  it('resumes the run at the room in progress with the same hp, cards and relics', async () => {
    const dataDir = await processes.dataDir();
    const first = await processes.start(dataDir);
    const client = new FrayClient(first.url);
    const session = await client.register(`survivor_${Date.now() % 1e8}`, 'password123');
    const party = (await client.me()).party;
    const room = await client.createRun({ party, pressure: 0, seed: 21 });
    const player = new RunPlayer(room);
    await player.ready();
    await playUntilBeforeBattle(player, 3);
    const before = snapshot(player.state);

    await player.command('advance');
    await player.waitFor((s) => s.battle.actionCount > 0, 'the battle to be under way');
    await waitForSavedRoom(client, player.state.runId, before.roomIndex + 1);
    assert.notEqual(await first.kill('SIGKILL'), 0);

    const second = await processes.start(dataDir);
    const returning = new FrayClient(second.url);
    await returning.login(session.username, 'password123');
    const resumed = new RunPlayer(await returning.resumeRun(player.state.runId));
    await resumed.ready();

    const after = snapshot(resumed.state);
    assert.equal(after.roomIndex, before.roomIndex + 1);
    assert.equal(resumed.state.phase, 'battle');
    assert.deepEqual(after.hp, before.hp);
    assert.deepEqual(after.cards, before.cards);
    assert.deepEqual(after.relics, before.relics);
    assert.equal(after.gold, before.gold);
  });
});

/** Polls the run summary (REST, from the database) until it shows `roomIndex`. */
async function waitForSavedRoom(client: FrayClient, runId: string, roomIndex: number) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const summary = await client.request<{ roomIndex: number }>('GET', `/api/runs/${runId}`);
    if (summary.roomIndex === roomIndex) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Run "${runId}" was not saved at room ${roomIndex} within 10 s`);
}
