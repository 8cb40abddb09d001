import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import type { BattleContent } from '../../src/battle/index.ts';
import { createBattleContent } from '../../src/plugins/createBattleContent.ts';
import { loadPlugins } from '../../src/plugins/loadPlugins.ts';
import type { PluginRegistry } from '../../src/plugins/PluginRegistry.ts';
import { PLUGIN_KINDS } from '../../src/plugins/types.ts';
import { eventsOf, makeBattle, makeFighter, stepUntil } from './support/battleHarness.ts';
import { makeRecordingLogger } from './support/recordingLogger.ts';

const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/plugins/', import.meta.url));

let registry: PluginRegistry;
let content: BattleContent;
before(async () => {
  const loaded = await loadPlugins({ pluginsDir: EXAMPLES_DIR, ...makeRecordingLogger() });
  assert.deepEqual(loaded.failures, []);
  registry = loaded.registry;
  content = createBattleContent(registry);
});

describe('examples/plugins', () => {
  it('holds one plugin of every kind, all listed in the catalogue', () => {
    const catalog = registry.catalog();

    const extraKinds = PLUGIN_KINDS.filter((kind) => catalog[kind].some((e) => !e.isBuiltin));

    assert.deepEqual(extraKinds, [...PLUGIN_KINDS]);
  });

  it('sal-mira with undertow pulls 1 ultimate charge from each target hit', () => {
    const mira = registry.get('character', 'sal-mira');
    const party = [makeFighter({ id: mira.id, passiveId: mira.passiveId })];
    const battle = makeBattle({ party, content });
    battle.step();
    battle.step();
    const charged = battle.combatants[1]?.ultimateCharge ?? 0;

    battle.step();

    assert.deepEqual([charged, battle.combatants[1]?.ultimateCharge], [1, 0]);
  });

  it('brine makes Generic hits inflict Brine Sting', () => {
    const party = [makeFighter({ baseStats: { effectHitRate: 1 } })];
    const battle = makeBattle({ party, content });

    battle.step();

    assert.equal(eventsOf(battle, 'effectApplied')[0]?.effectId, 'brine-sting');
  });

  it('brine-crab returns damage through its built-in passive', () => {
    const crab = registry.get('foe', 'brine-crab');
    const spec = { id: crab.id, baseStats: crab.baseStats, passiveId: crab.passiveId };
    const foes = [makeFighter(spec)];
    const battle = makeBattle({ foes, content });

    const spikes = stepUntil(battle, 'damaged', (event) => event.cause === 'hook');

    assert.equal(spikes?.target, 0);
  });

  it('salt-crusted gives a foe def +20 % and spd −5 %', () => {
    const modifiers = registry.get('adjective', 'salt-crusted').modifiers
      .map((modifier) => ({ ...modifier, kind: 'adjective' as const }));

    const battle = makeBattle({ foes: [makeFighter({ modifiers })], content });

    assert.deepEqual([battle.combatants[1]?.stats.def, battle.combatants[1]?.stats.spd], [60, 95]);
  });

  it('fishermans-net heals the killer 3 % of its max hp', () => {
    const foes = [makeFighter({ hp: 1 }), makeFighter({ baseStats: { aggro: 0 } })];
    const party = [makeFighter({ hp: 500 })];
    const battle = makeBattle({ party, foes, cardIds: ['fishermans-net'], content });

    stepUntil(battle, 'died');

    assert.equal(eventsOf(battle, 'healed')[0]?.amount, 30);
  });

  it('deep-pearl gives 0.5 points of regain per copy', () => {
    const battle = makeBattle({ relicCounts: { 'deep-pearl': 2 }, content });

    assert.ok(Math.abs((battle.combatants[0]?.stats.regain ?? 0) - 0.01) < 1e-12);
  });
});
