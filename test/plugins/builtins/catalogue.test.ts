import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILTIN_PLUGINS } from '../../../src/plugins/builtins/builtinPlugins.ts';
import { CHARACTERS } from '../../../src/plugins/builtins/characters.ts';
import { referencesOf } from '../../../src/plugins/PluginRegistry.ts';
import { checkPlugin } from '../../../src/plugins/pluginSchema.ts';
import { ELEMENTS } from '../../../src/plugins/types.ts';
import { makeBattle, makeBuiltinRegistry, makeFighter } from '../support/battleHarness.ts';

describe('built-in catalogue', () => {
  it('passes the same schema check as a plugin from PLUGINS_DIR', () => {
    const problems = BUILTIN_PLUGINS.map(checkPlugin).filter((check) => !check.ok);

    assert.deepEqual(problems, []);
  });

  it('names only passives and effects it defines', () => {
    const registry = makeBuiltinRegistry();

    const dangling = BUILTIN_PLUGINS.flatMap(referencesOf)
      .filter((ref) => !registry.has(ref.kind, ref.id));

    assert.deepEqual(dangling, []);
  });

  it('meets the counts of issue #7', () => {
    const counts = makeBuiltinRegistry().counts();

    assert.ok(counts.character >= 17, `${counts.character} characters`);
    assert.ok(counts.foe >= 12 && counts.adjective >= 20);
    assert.ok(counts.card >= 40 && counts.relic >= 24 && counts.effect >= 12);
    assert.equal(counts.damageType, 7);
  });

  it('spreads cards and relics over every star from 1 to 5', () => {
    const registry = makeBuiltinRegistry();

    const stars = [...registry.list('card'), ...registry.list('relic')].map((item) => item.stars);

    assert.deepEqual([...new Set(stars)].sort(), [1, 2, 3, 4, 5]);
  });

  it('gives one damage type to each element', () => {
    const elements = makeBuiltinRegistry().list('damageType').map((type) => type.element);

    assert.deepEqual(elements.sort(), [...ELEMENTS].sort());
  });
});

describe('built-in characters', () => {
  it('give every character a passive no other character has', () => {
    const passives = CHARACTERS.map((character) => character.passiveId);

    assert.equal(new Set(passives).size, CHARACTERS.length);
  });

  it('make the avatar the only character without a rarity', () => {
    const unrated = CHARACTERS.filter((character) => character.rarity === null);

    assert.deepEqual(unrated.map((character) => character.id), ['avatar']);
  });

  it('offer 5★ and 6★ characters of every fighting element', () => {
    const gacha = CHARACTERS.filter((character) => character.rarity !== null);

    const rarities = new Set(gacha.map((character) => character.rarity));
    const elements = new Set(gacha.map((character) => character.element));

    assert.deepEqual([...rarities].sort(), [5, 6]);
    for (const element of ELEMENTS.filter((e) => e !== 'Generic')) assert.ok(elements.has(element));
  });

  for (const character of CHARACTERS) {
    it(`${character.id} fights a whole battle with its own stats and passive`, () => {
      const spec = makeFighter({
        id: character.id,
        element: character.element,
        baseStats: character.baseStats,
        passiveId: character.passiveId,
      });
      const battle = makeBattle({ party: [spec] });
      const startAtk = battle.combatants[0]?.stats.atk;

      const outcome = battle.runToEnd();

      assert.ok(outcome === 'victory' || outcome === 'defeat');
      assert.equal(startAtk, character.baseStats?.atk ?? 100);
    });
  }
});
