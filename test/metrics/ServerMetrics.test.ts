import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RunPlayer } from '../../src/client/RunPlayer.ts';
import { startTestGame, type TestGame } from '../support/gameServer.ts';

/** The value of one sample line (`name{labels} value`) in a Prometheus text page. */
function sample(page: string, prefix: string): number | undefined {
  const line = page.split('\n').find((candidate) => candidate.startsWith(prefix));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

async function scrape(game: TestGame): Promise<string> {
  const response = await fetch(`${game.server.httpUrl}/metrics`);
  assert.equal(response.status, 200);
  return response.text();
}

describe('ServerMetrics', () => {
  let game: TestGame;
  before(async () => {
    game = await startTestGame();
  });
  after(async () => {
    await game.stop();
  });

  it('counts the rooms and clients open now', async () => {
    const { client } = await game.newPlayer();
    const room = await client.createRun({ party: ['avatar'] });
    await new RunPlayer(room).ready();

    const page = await scrape(game);

    await room.leave(true);
    assert.ok((sample(page, 'fray_rooms ') ?? 0) >= 1);
    assert.ok((sample(page, 'fray_clients ') ?? 0) >= 1);
  });

  it('counts the battle actions rooms apply', async () => {
    const { client } = await game.newPlayer();
    const player = new RunPlayer(await client.createRun({ party: ['avatar'] }));
    await player.ready();
    const before = sample(await scrape(game), 'fray_battle_actions_total ') ?? 0;

    await player.playRoom({ skipBattles: true });

    const afterwards = sample(await scrape(game), 'fray_battle_actions_total ') ?? 0;
    await player.room.leave(true);
    assert.ok(afterwards > before, `${afterwards} should exceed ${before}`);
  });

  it('times HTTP requests by route template and database commands by name', async () => {
    await game.newPlayer();

    const page = await scrape(game);

    const register =
      'fray_http_request_duration_seconds_count{method="POST",route="/api/auth/register"';
    assert.ok((sample(page, register) ?? 0) >= 1);
    assert.ok((sample(page, 'fray_db_command_duration_seconds_count{command="insert"') ?? 0) >= 1);
  });

  it('publishes event-loop delay quantiles, process CPU and resident memory', async () => {
    const page = await scrape(game);

    assert.ok(sample(page, 'fray_event_loop_delay_seconds{quantile="0.99"}') !== undefined);
    assert.ok((sample(page, 'process_cpu_seconds_total ') ?? 0) > 0);
    assert.ok((sample(page, 'process_resident_memory_bytes ') ?? 0) > 0);
  });
});

describe('ServerMetrics with METRICS_TOKEN', () => {
  let game: TestGame;
  before(async () => {
    game = await startTestGame({ METRICS_TOKEN: 'scrape-secret' });
  });
  after(async () => {
    await game.stop();
  });

  it('answers 401 without the token and 200 with it', async () => {
    const url = `${game.server.httpUrl}/metrics`;

    const refused = await fetch(url);
    const allowed = await fetch(url, { headers: { authorization: 'Bearer scrape-secret' } });

    assert.deepEqual([refused.status, allowed.status], [401, 200]);
  });
});
