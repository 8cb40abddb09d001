import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { elementMultiplier, hitDamage, type Striker } from '../../src/battle/damage.ts';
import { DEFAULT_STATS } from '../../src/core/balance/battle.ts';
import { ELEMENTS, type Element, type Stats } from '../../src/plugins/types.ts';

function striker(stats: Partial<Stats> = {}, element: Element = 'Generic', isParty = true) {
  const elementIndex = ELEMENTS.indexOf(element);
  const made: Striker = { element, elementIndex, isParty, stats: { ...DEFAULT_STATS, ...stats } };
  return made;
}

describe('hitDamage', () => {
  it('deals atk² / (atk + def), floored', () => {
    assert.equal(hitDamage(striker({ atk: 100 }), striker({ def: 50 }, 'Fire'), 1, false, 0), 66);
  });

  it('multiplies a crit by critDamage', () => {
    const attacker = striker({ atk: 100, critDamage: 2.5 });

    assert.equal(hitDamage(attacker, striker({ def: 100 }, 'Fire'), 1, true, 0), 125);
  });

  it('deals 1.25× against the weak element and 0.75× against the same one', () => {
    const fire = striker({ atk: 100 }, 'Fire');

    assert.equal(hitDamage(fire, striker({ def: 100 }, 'Ice'), 1, false, 0), 62);
    assert.equal(hitDamage(fire, striker({ def: 100 }, 'Fire'), 1, false, 0), 37);
    assert.equal(hitDamage(fire, striker({ def: 100 }, 'Wind'), 1, false, 0), 50);
  });

  it('scales by attacker vitality over target vitality times mitigation', () => {
    const attacker = striker({ atk: 100, vitality: 2 });
    const target = striker({ def: 100, vitality: 0.5, mitigation: 8 }, 'Fire');

    assert.equal(hitDamage(attacker, target, 1, false, 0), 25);
  });

  it('adds 35 % per enrage stack to foes only', () => {
    const target = striker({ def: 100 }, 'Fire');

    assert.equal(hitDamage(striker({ atk: 100 }, 'Generic', false), target, 1, false, 2), 85);
    assert.equal(hitDamage(striker({ atk: 100 }, 'Generic', true), target, 1, false, 2), 50);
  });

  it('deals at least 1, even with no atk', () => {
    assert.equal(hitDamage(striker({ atk: 0 }), striker({ def: 0 }), 1, false, 0), 1);
  });

  it('pairs Wind with Lightning and Light with Dark', () => {
    assert.equal(elementMultiplier('Wind', 'Lightning'), 1.25);
    assert.equal(elementMultiplier('Dark', 'Light'), 1.25);
    assert.equal(elementMultiplier('Generic', 'Fire'), 1);
  });
});
