import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBattleContent } from '../../src/plugins/createBattleContent.ts';
import { makeBuiltinRegistry } from './support/battleHarness.ts';

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

  it('prefers a damage type loaded from a plugin over the built-in one of its element', () => {
    const registry = makeBuiltinRegistry();
    registry.register(
      { kind: 'damageType', id: 'brine', name: 'Brine', description: 'Salt.', element: 'Generic' },
      '/plugins/brine.js',
    );

    const generic = createBattleContent(registry).damageType('Generic');

    assert.equal(generic?.id, 'brine');
  });
});
