import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createBattle } from '../../src/battle/createBattle.ts';
import type { Battle, CombatantSpec } from '../../src/battle/types.ts';
import type { Element } from '../../src/plugins/types.ts';
import {
  EMPTY_CONTENT,
  TOUGH,
  eventsOfType,
  makeBattleContent,
  makeConfig,
  makeSpec,
} from '../support/battleContent.ts';

function hero(element: Element, extra: Partial<CombatantSpec> = {}): CombatantSpec {
  return makeSpec({ element, baseStats: TOUGH, ...extra });
}

/** A slow Generic target that takes neutral damage from every element but its own. */
function target(extra: Partial<CombatantSpec> = {}): CombatantSpec {
  return makeSpec({ id: 'target', baseStats: { ...TOUGH, spd: 1 }, ...extra });
}

function steps(battle: Battle, count: number): Battle {
  for (let i = 0; i < count; i++) battle.step();
  return battle;
}

function firstHit(battle: Battle): number | undefined {
  return eventsOfType(steps(battle, 1).events, 'damaged')[0]?.amount;
}

describe('Battle element twists', () => {
  it('makes Fire hit harder as its wielder loses hp', () => {
    const config = (hp?: number) =>
      makeConfig({ party: [hero('Fire', hp ? { hp } : {})], foes: [target()] });

    const full = firstHit(createBattle(config(), EMPTY_CONTENT));
    const half = firstHit(createBattle(config(500_000), EMPTY_CONTENT));

    assert.deepEqual([full, half], [66, 100]);
  });

  it('makes Ice slow its target so it acts less often', () => {
    const foes = [makeSpec({ baseStats: TOUGH })];
    const foeActions = (element: Element) => {
      const config = makeConfig({ party: [hero(element)], foes });
      const battle = steps(createBattle(config, EMPTY_CONTENT), 40);
      return eventsOfType(battle.events, 'acted').filter((event) => event.actor === 1).length;
    };

    assert.deepEqual([foeActions('Wind'), foeActions('Ice')], [20, 18]);
  });

  it('makes Wind splash a quarter of each hit onto the other foes', () => {
    const foes = [target(), target(), target()];

    const config = makeConfig({ party: [hero('Wind')], foes });

    const battle = steps(createBattle(config, EMPTY_CONTENT), 1);

    const splashes = eventsOfType(battle.events, 'damaged').filter((e) => e.cause === 'splash');
    assert.equal(splashes.length, 2);
    assert.ok(splashes.every((event) => event.amount === 16));
  });

  it('makes Lightning detonate a share of the damage still due from DoTs', () => {
    const burner = hero('Fire', { baseStats: { ...TOUGH, effectHitRate: 1.05 } });
    const party = [hero('Lightning'), burner];
    const foes = [target({ baseStats: { ...TOUGH, spd: 1, aggro: 1 } })];

    const battle = steps(createBattle(makeConfig({ party, foes }), makeBattleContent()), 3);

    const damage = eventsOfType(battle.events, 'damaged');
    const detonations = damage.filter((event) => event.cause === 'detonate');
    assert.deepEqual(detonations.map((event) => event.amount), [9]);
  });

  it('makes Light heal an ally in danger instead of attacking', () => {
    const party = [hero('Light'), hero('Generic', { hp: 100_000 })];

    const battle = steps(createBattle(makeConfig({ party, foes: [target()] }), EMPTY_CONTENT), 1);

    const [acted] = eventsOfType(battle.events, 'acted');
    const [healed] = eventsOfType(battle.events, 'healed');
    assert.deepEqual([acted?.kind, acted?.target], ['heal', 1]);
    assert.equal(healed?.amount, 150);
  });

  it('makes Dark drain its allies and grow stronger with each drain', () => {
    const party = [hero('Dark'), hero('Generic', { baseStats: { ...TOUGH, spd: 1 } })];

    const battle = steps(createBattle(makeConfig({ party, foes: [target()] }), EMPTY_CONTENT), 2);

    const drained = eventsOfType(battle.events, 'drained').map((event) => event.amount);
    const hits = eventsOfType(battle.events, 'damaged').map((event) => event.amount);
    assert.deepEqual(drained, [20_000, 19_600]);
    assert.deepEqual(hits, [69, 72]);
  });
});
