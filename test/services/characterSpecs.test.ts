import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeStats } from '../../src/battle/stats.ts';
import type { CharacterPlugin } from '../../src/plugins/types.ts';
import { buildCharacterSpec, type SpecOwner } from '../../src/services/characterSpecs.ts';

const HERO: CharacterPlugin = {
  kind: 'character',
  id: 'test-hero',
  name: 'Test Hero',
  description: 'A fixture.',
  element: 'Ice',
  rarity: 5,
  baseStats: { maxHp: 1000, atk: 100, def: 50 },
  passiveId: 'test-passive',
};
const AVATAR: CharacterPlugin = { ...HERO, id: 'avatar', name: 'Wayfarer', element: 'Generic' };

function makeOwner(overrides: Partial<SpecOwner> = {}): SpecOwner {
  return {
    username: 'ana',
    userLevel: 1,
    editor: { pronouns: '', element: 'Fire', allocation: {} },
    ...overrides,
  };
}

function makeEntry(overrides: Partial<Parameters<typeof buildCharacterSpec>[0]> = {}) {
  return { characterId: HERO.id, level: 1, stacks: 0, upgrades: {}, ...overrides };
}

describe('buildCharacterSpec', () => {
  it('keeps a fresh level-1 character at its catalogue stats', () => {
    const spec = buildCharacterSpec(makeEntry(), HERO, makeOwner());

    const stats = computeStats(spec.baseStats, spec.modifiers);

    assert.deepEqual([stats.maxHp, stats.atk, stats.def], [1000, 100, 50]);
    assert.equal(spec.passiveId, 'test-passive');
  });

  it('adds 10 hp, 5 atk and 3 def per level above the first', () => {
    const spec = buildCharacterSpec(makeEntry({ level: 3 }), HERO, makeOwner());

    const stats = computeStats(spec.baseStats, spec.modifiers);

    assert.deepEqual([stats.maxHp, stats.atk, stats.def], [1020, 110, 56]);
  });

  it('counts at most five duplicate stacks at 5 % each', () => {
    const five = buildCharacterSpec(makeEntry({ stacks: 5 }), HERO, makeOwner());
    const nine = buildCharacterSpec(makeEntry({ stacks: 9 }), HERO, makeOwner());

    const atk = (spec: typeof five) => computeStats(spec.baseStats, spec.modifiers).atk;

    assert.equal(atk(five), 125);
    assert.equal(atk(nine), 125);
  });

  it('applies upgrade points at 0.1 % each and the user level at 1 % per level', () => {
    const entry = makeEntry({ upgrades: { atk: 100 } });

    const spec = buildCharacterSpec(entry, HERO, makeOwner({ userLevel: 3 }));

    const stats = computeStats(spec.baseStats, spec.modifiers);
    assert.ok(Math.abs(stats.atk - 100 * 1.1 * 1.02) < 1e-9);
  });

  it('gives the avatar the editor element, allocation and the player name', () => {
    const editor = { pronouns: 'they', element: 'Fire', allocation: { atk: 30 } };
    const owner = makeOwner({ editor });

    const spec = buildCharacterSpec(makeEntry({ characterId: 'avatar' }), AVATAR, owner);

    assert.equal(spec.element, 'Fire');
    assert.equal(spec.name, 'ana');
    assert.ok(Math.abs(computeStats(spec.baseStats, spec.modifiers).atk - 130) < 1e-9);
  });
});
