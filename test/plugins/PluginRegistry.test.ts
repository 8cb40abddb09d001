import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GameError } from '../../src/core/errors.ts';
import { PluginRegistry } from '../../src/plugins/PluginRegistry.ts';
import type { EffectPlugin, PassivePlugin, Plugin } from '../../src/plugins/types.ts';

function makeEffect(id = 'sting'): EffectPlugin {
  return {
    kind: 'effect',
    id,
    name: 'Sting',
    description: 'A small hurt.',
    polarity: 'damage',
    element: 'Generic',
    tickShare: 0.1,
    durationActions: 3,
  };
}

function makePassive(id = 'calm'): PassivePlugin {
  return { kind: 'passive', id, name: 'Calm', description: 'Does nothing.', hooks: {} };
}

describe('PluginRegistry', () => {
  it('returns a registered plugin by kind and id', () => {
    const registry = new PluginRegistry();

    registry.register(makeEffect());

    assert.equal(registry.get('effect', 'sting').name, 'Sting');
    assert.equal(registry.find('passive', 'sting'), undefined);
  });

  it('refuses a duplicate id of the same kind, naming both sources', () => {
    const registry = new PluginRegistry();
    registry.register(makeEffect(), 'builtin');

    const act = () => registry.register(makeEffect(), '/plugins/sting.js');

    assert.throws(act, (error: unknown) => {
      assert.ok(error instanceof GameError);
      assert.equal(error.code, 'CONFLICT');
      assert.equal(
        error.message,
        'Plugin "sting" of kind "effect" from "/plugins/sting.js" duplicates the one from ' +
          '"builtin"',
      );
      return true;
    });
  });

  it('accepts the same id under two different kinds', () => {
    const registry = new PluginRegistry();
    registry.register(makeEffect('echo'));

    registry.register(makePassive('echo'));

    assert.equal(registry.list('effect').length + registry.list('passive').length, 2);
  });

  it('throws NOT_FOUND naming the kind and id of a missing plugin', () => {
    const registry = new PluginRegistry();

    const act = () => registry.get('card', 'ghost');

    assert.throws(act, { code: 'NOT_FOUND', message: 'Plugin "ghost" of kind "card" not found' });
  });

  it('refuses an invalid definition with the reason', () => {
    const registry = new PluginRegistry();
    const broken = { ...makeEffect(), tickShare: -1 } as Plugin;

    const act = () => registry.register(broken, 'test');

    assert.throws(act, { code: 'INVALID_PLUGIN', message: /"sting" of kind "effect".*tickShare/ });
  });

  it('freezes what it stores, so content cannot change after start-up', () => {
    const registry = new PluginRegistry();
    registry.register(makeEffect());

    const stored = registry.get('effect', 'sting');

    assert.ok(Object.isFrozen(stored));
    assert.throws(() => Object.assign(stored, { tickShare: 9 }), TypeError);
  });

  it('lists a JSON-safe catalogue with hook names instead of functions', () => {
    const registry = new PluginRegistry();
    registry.register({ ...makePassive(), hooks: { onHit() {} } }, '/plugins/calm.js');

    const catalog = registry.catalog();

    assert.deepEqual(JSON.parse(JSON.stringify(catalog.passive)), [
      {
        kind: 'passive',
        id: 'calm',
        name: 'Calm',
        description: 'Does nothing.',
        hooks: ['onHit'],
        isBuiltin: false,
      },
    ]);
    assert.deepEqual(catalog.card, []);
  });

  it('reports the passive a character names when it is missing', () => {
    const registry = new PluginRegistry();
    const hero: Plugin = {
      kind: 'character',
      id: 'hero',
      name: 'Hero',
      description: 'Brave.',
      element: 'Fire',
      rarity: 5,
      passiveId: 'calm',
    };

    const missing = registry.missingReferences(hero);

    assert.deepEqual(missing, [{ kind: 'passive', id: 'calm' }]);
  });
});
