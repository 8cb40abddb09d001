import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WEAK_TO } from '../../../src/core/balance/battle.ts';
import { DAMAGE_TYPES } from '../../../src/plugins/builtins/damageTypes.ts';
import { EFFECTS } from '../../../src/plugins/builtins/effects.ts';
import type { Element } from '../../../src/plugins/types.ts';
import { eventsOf, makeBattle, makeFighter, stepUntil } from '../support/battleHarness.ts';

const PLAIN_HIT = Math.floor((100 * 100) / 150);

/** One attacker of `element` (hit rate 1) against foes of the given elements. */
function attackerOf(element: Element, foes: Element[] = ['Generic'], allyHp?: number) {
  const attacker = makeFighter({ element, baseStats: { effectHitRate: 1 } });
  const party = allyHp === undefined ? [attacker] : [attacker, makeFighter({ hp: allyHp })];
  const foeSpecs = foes.map((foe, slot) => makeFighter({ id: `foe-${slot}`, element: foe }));
  return makeBattle({ party, foes: foeSpecs });
}

const isFirstHit = (event: { source: number; cause: string }) =>
  event.source === 0 && event.cause === 'hit';

describe('damage types', () => {
  for (const damageType of DAMAGE_TYPES) {
    const effect = EFFECTS.find((entry) => entry.id === damageType.dotEffectId);

    it(`${damageType.id} hits inflict ${effect?.name} worth its share of the hit`, () => {
      const battle = attackerOf(damageType.element);

      const hit = stepUntil(battle, 'damaged', isFirstHit);

      const applied = eventsOf(battle, 'effectApplied').find((event) => event.source === 0);
      assert.equal(applied?.effectId, effect?.id);
      assert.equal(applied?.perTick, Math.floor((hit?.amount ?? 0) * (effect?.tickShare ?? 0)));
    });
  }

  for (const damageType of DAMAGE_TYPES.filter((entry) => entry.weakAgainst)) {
    it(`${damageType.id} deals 25 % extra damage to ${damageType.weakAgainst}`, () => {
      const battle = attackerOf(damageType.element, [damageType.weakAgainst as Element]);

      const hit = stepUntil(battle, 'damaged', isFirstHit);

      assert.equal(hit?.amount, Math.floor(((100 * 100) / 150) * 1.25));
      assert.equal(WEAK_TO[damageType.weakAgainst as Element], damageType.element);
    });
  }

  it('fire hits harder the more hp its wielder has lost', () => {
    const wielder = makeFighter({ element: 'Fire', hp: 500 });
    const battle = makeBattle({ party: [wielder] });

    const hit = stepUntil(battle, 'damaged', isFirstHit);

    assert.equal(hit?.amount, Math.floor(((100 * 100) / 150) * 1.5));
  });

  it('ice pushes its target back in the turn order', () => {
    const battle = attackerOf('Ice');

    battle.step();

    assert.equal(eventsOf(battle, 'slowed')[0]?.target, 1);
  });

  it('wind splashes a part of each hit onto the other foes', () => {
    const battle = attackerOf('Wind', ['Generic', 'Generic']);

    battle.step();

    const splash = eventsOf(battle, 'damaged').filter((event) => event.cause === 'splash');
    assert.equal(splash.length, 1);
  });

  it("lightning detonates a share of the target's damage over time", () => {
    const battle = attackerOf('Lightning');

    battle.step();

    assert.equal(eventsOf(battle, 'damaged').filter((e) => e.cause === 'detonate').length, 1);
  });

  it('light heals an ally in danger instead of attacking, leaving Dawnlight', () => {
    const battle = attackerOf('Light', ['Generic'], 100);

    battle.step();

    assert.equal(eventsOf(battle, 'acted')[0]?.kind, 'heal');
    assert.equal(eventsOf(battle, 'effectApplied')[0]?.effectId, 'dawnlight');
  });

  it('dark drains its own allies', () => {
    const battle = attackerOf('Dark', ['Generic'], 1000);

    battle.step();

    assert.equal(eventsOf(battle, 'drained')[0]?.target, 1);
  });

  it('generic has no weakness to exploit', () => {
    const battle = attackerOf('Generic', ['Fire']);

    const hit = stepUntil(battle, 'damaged', isFirstHit);

    assert.equal(hit?.amount, PLAIN_HIT);
    assert.equal(DAMAGE_TYPES.find((entry) => entry.id === 'generic')?.weakAgainst, undefined);
  });
});
