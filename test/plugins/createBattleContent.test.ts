import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBattleContent } from '../../src/plugins/createBattleContent.ts';
import { PluginRegistry } from '../../src/plugins/PluginRegistry.ts';
import { BUILTIN_PLUGINS } from '../../src/plugins/builtins/builtinPlugins.ts';

function makeBuiltinRegistry(): PluginRegistry {
  const registry = new PluginRegistry();
  for (const plugin of BUILTIN_PLUGINS) registry.register(plugin);
  return registry;
}

describe('createBattleContent', () => {
  it('finds each damage type by its element', () => {
    const content = createBattleContent(makeBuiltinRegistry());

    const ice = content.damageType('Ice');

    assert.equal(ice?.id, 'ice');
    assert.equal(ice?.dotEffectId, 'frostbite');
  });

  it('returns content by id and undefined for an unknown id', () => {
    const content = createBattleContent(makeBuiltinRegistry());

    const found = [content.passive('tailwind'), content.effect('burn'), content.card('bulwark')];

    assert.deepEqual(found.map((plugin) => plugin?.id), ['tailwind', 'burn', 'bulwark']);
    assert.equal(content.relic('no-such-relic'), undefined);
  });
});
