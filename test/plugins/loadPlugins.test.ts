import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, describe, it } from 'node:test';
import { loadPlugins } from '../../src/plugins/loadPlugins.ts';
import { makeRecordingLogger } from './support/recordingLogger.ts';

const VALID_RELIC = `export default {
  kind: 'relic', id: 'glass-eye', name: 'Glass Eye', description: 'Sees a little further.',
  stars: 1, modifiers: [{ stat: 'critRate', flat: 0.01 }],
};`;

const FOE_NAMING = (passiveId: string) => `export default {
  kind: 'foe', id: 'puddle', name: 'Puddle', description: 'Damp.', element: 'Ice',
  passiveId: '${passiveId}',
};`;
const PASSIVE = (id: string) => `export default {
  kind: 'passive', id: '${id}', name: 'Lull', description: 'Quiet.', hooks: {},
};`;
const DAMAGE_TYPE = (id: string) => `export default {
  kind: 'damageType', id: '${id}', name: 'Brine', description: 'Salt.', element: 'Generic',
};`;

const LOAD_BUDGET_MS = 200;
const run = promisify(execFile);
const SRC_URL = new URL('../../src/', import.meta.url).href;
const MEASURE_SCRIPT = fileURLToPath(new URL('./support/measureLoad.ts', import.meta.url));
const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/plugins/', import.meta.url));

const folders: string[] = [];
after(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

/** Writes the given modules into a fresh folder and returns its path. */
async function makePluginsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fray-plugins-'));
  folders.push(dir);
  await Promise.all(
    Object.entries(files).map(([name, text]) => writeFile(join(dir, name), text)),
  );
  return dir;
}

describe('loadPlugins', () => {
  it('registers the built-in catalogue without a plugins folder', async () => {
    const { logger } = makeRecordingLogger();

    const { registry, failures } = await loadPlugins({ logger });

    assert.deepEqual(failures, []);
    assert.equal(registry.get('character', 'avatar').rarity, null);
  });

  it('lists a valid plugin and logs a broken one with its path and reason', async () => {
    const dir = await makePluginsDir({
      'glass-eye.mjs': VALID_RELIC,
      'broken.mjs': 'export default {{ not javascript',
    });
    const { logger, records } = makeRecordingLogger();

    const { registry, failures } = await loadPlugins({ pluginsDir: dir, logger });

    assert.ok(registry.catalog().relic.some((entry) => entry.id === 'glass-eye'));
    assert.equal(failures.length, 1);
    assert.equal(failures[0]?.path, join(dir, 'broken.mjs'));
    assert.match(failures[0]?.reason ?? '', /^Plugin module cannot be imported: /);
    const skipped = records.find((record) => record.msg === 'plugin skipped');
    assert.equal(skipped?.path, join(dir, 'broken.mjs'));
    assert.equal(skipped?.reason, failures[0]?.reason);
  });

  it('refuses a plugin that repeats a built-in id, with a clear reason', async () => {
    const dir = await makePluginsDir({
      'ring.mjs': VALID_RELIC.replace('glass-eye', 'copper-ring'),
    });
    const { logger } = makeRecordingLogger();

    const { failures } = await loadPlugins({ pluginsDir: dir, logger });

    assert.deepEqual(failures, [{
      path: join(dir, 'ring.mjs'),
      reason: 'Plugin "copper-ring" of kind "relic" duplicates the one from "builtin"',
    }]);
  });

  it('keeps the first of two modules with the same id, in file-name order', async () => {
    const dir = await makePluginsDir({
      'a-eye.mjs': VALID_RELIC,
      'b-eye.mjs': VALID_RELIC.replace('Glass Eye', 'Second Eye'),
    });
    const { logger } = makeRecordingLogger();

    const { registry, failures } = await loadPlugins({ pluginsDir: dir, logger });

    assert.equal(registry.get('relic', 'glass-eye').name, 'Glass Eye');
    assert.equal(failures[0]?.path, join(dir, 'b-eye.mjs'));
    assert.match(failures[0]?.reason ?? '', /duplicates the one from ".*a-eye\.mjs"$/);
  });

  it('skips a plugin whose definition does not match its schema', async () => {
    const dir = await makePluginsDir({
      'typo.mjs': VALID_RELIC.replace('stars: 1', 'stars: 7'),
    });
    const { logger } = makeRecordingLogger();

    const { registry, failures } = await loadPlugins({ pluginsDir: dir, logger });

    assert.equal(registry.find('relic', 'glass-eye'), undefined);
    assert.match(failures[0]?.reason ?? '', /^Plugin 0 is invalid: stars/);
  });

  it('registers a whole module or none of it when one entry names a missing passive', async () => {
    const dir = await makePluginsDir({
      'pair.mjs': `export default [
        { kind: 'effect', id: 'drip', name: 'Drip', description: 'Wet.', polarity: 'damage',
          element: 'Ice', tickShare: 0.1, durationActions: 2 },
        { kind: 'foe', id: 'puddle', name: 'Puddle', description: 'Damp.', element: 'Ice',
          passiveId: 'no-such-passive' },
      ];`,
    });
    const { logger } = makeRecordingLogger();

    const { registry, failures } = await loadPlugins({ pluginsDir: dir, logger });

    assert.equal(registry.find('effect', 'drip'), undefined);
    assert.equal(
      failures[0]?.reason,
      'Plugin "puddle" of kind "foe" names unknown passive "no-such-passive"',
    );
  });

  it('resolves a passive named by a module that sorts earlier than the passive', async () => {
    const dir = await makePluginsDir({
      'a-foe.mjs': FOE_NAMING('lull'),
      'z-passive.mjs': PASSIVE('lull'),
    });
    const { logger } = makeRecordingLogger();

    const { registry, failures } = await loadPlugins({ pluginsDir: dir, logger });

    assert.deepEqual(failures, []);
    assert.equal(registry.get('foe', 'puddle').passiveId, 'lull');
  });

  it('refuses a module whose passive comes from a module that was refused', async () => {
    const dir = await makePluginsDir({
      'a-foe.mjs': FOE_NAMING('lull'),
      'z-passive.mjs': PASSIVE('lull').replace("hooks: {}", "hooks: { onHti() {} }"),
    });
    const { logger } = makeRecordingLogger();

    const { failures } = await loadPlugins({ pluginsDir: dir, logger });

    assert.deepEqual(failures.map((failure) => failure.reason), [
      'Plugin "puddle" of kind "foe" names unknown passive "lull"',
      'Plugin 0 is invalid: hooks: Unrecognized key: "onHti"',
    ]);
  });

  it('lets one module take an element over and refuses a second one', async () => {
    const dir = await makePluginsDir({
      'a-brine.mjs': DAMAGE_TYPE('brine'),
      'b-salt.mjs': DAMAGE_TYPE('salt'),
    });
    const { logger } = makeRecordingLogger();

    const { registry, failures } = await loadPlugins({ pluginsDir: dir, logger });

    assert.ok(registry.has('damageType', 'brine'));
    assert.equal(
      failures[0]?.reason,
      'Damage type "salt" takes over element "Generic", which "' + join(dir, 'a-brine.mjs') +
        '" already took over',
    );
  });

  it('skips a module whose import never settles, after the timeout', async () => {
    const dir = await makePluginsDir({ 'stuck.mjs': 'await new Promise(() => {});' });
    const { logger } = makeRecordingLogger();

    const { failures } = await loadPlugins({ pluginsDir: dir, logger, importTimeoutMs: 50 });

    assert.equal(failures[0]?.reason, 'Plugin module cannot be imported: import took over 50 ms');
  });

  it('reports a plugins folder that does not exist and still loads the built-ins', async () => {
    const dir = join(tmpdir(), 'fray-plugins-missing-folder');
    const { logger } = makeRecordingLogger();

    const { registry, failures } = await loadPlugins({ pluginsDir: dir, logger });

    assert.match(failures[0]?.reason ?? '', /^Plugin folder cannot be read: ENOENT/);
    assert.ok(registry.list('card').length > 0);
  });

  it('loads the built-in catalogue well within 200 ms', async () => {
    const { logger } = makeRecordingLogger();
    await loadPlugins({ logger });

    const startMs = performance.now();
    await loadPlugins({ logger });
    const elapsedMs = performance.now() - startMs;

    assert.ok(elapsedMs <= LOAD_BUDGET_MS, `took ${elapsedMs} ms`);
  });

  it('makes no synchronous I/O of its own while loading PLUGINS_DIR', async () => {
    const args = ['--trace-sync-io', MEASURE_SCRIPT, EXAMPLES_DIR];

    const { stdout, stderr } = await run(process.execPath, args, { timeout: 30_000 });

    assert.equal(JSON.parse(stdout).failures, 0);
    const reports = stderr.split('WARNING: Detected use of sync API').slice(1);
    const ours = reports.filter((report) => report.includes(SRC_URL));
    assert.deepEqual(ours, []);
  });
});
