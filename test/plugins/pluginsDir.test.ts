import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/core/config.ts';
import { startGameServer, type GameServer } from '../../src/server.ts';
import { startTestDatabase, type TestDatabase } from '../support/database.ts';
import { makeRecordingLogger } from './support/recordingLogger.ts';

const VALID = `export default {
  kind: 'card', id: 'tide-chart', name: 'Tide Chart', description: 'Know when to strike.',
  stars: 1, modifiers: [{ stat: 'spd', percent: 0.02 }],
};`;
const BROKEN = `export default { kind: 'card', id: 'torn-chart', stars: 9 };`;

describe('PLUGINS_DIR at server start-up', () => {
  const { logger, records } = makeRecordingLogger();
  let dir: string;
  let database: TestDatabase;
  let server: GameServer;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fray-plugins-'));
    await writeFile(join(dir, 'tideChart.mjs'), VALID);
    await writeFile(join(dir, 'tornChart.mjs'), BROKEN);
    database = await startTestDatabase('plugins');
    const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: ':memory:' });
    const overrides = { MONGODB_URI: database.uri, PLUGINS_DIR: dir };
    server = await startGameServer({ config: { ...config, ...overrides }, logger });
  });

  after(async () => {
    await server?.stop();
    await database?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the valid plugin in GET /api/catalog', async () => {
    const response = await fetch(`${server.httpUrl}/api/catalog`);

    const catalog = (await response.json()) as { card: Array<{ id: string; isBuiltin: boolean }> };

    assert.equal(response.status, 200);
    assert.deepEqual(catalog.card.filter((card) => !card.isBuiltin).map((c) => c.id), [
      'tide-chart',
    ]);
  });

  it('logs the broken plugin with its path and reason', () => {
    const skipped = records.filter((record) => record.msg === 'plugin skipped');

    assert.deepEqual(skipped.map((record) => record.path), [join(dir, 'tornChart.mjs')]);
    assert.match(String(skipped[0]?.reason), /^Plugin 0 is invalid: /);
  });
});
