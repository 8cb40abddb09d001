import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BURN } from '../../../src/plugins/builtins/effects.ts';
import { describeModifiers } from '../../../src/plugins/builtins/modifiers.ts';
import { RELIC_NUMBERS as N, RELICS } from '../../../src/plugins/builtins/relics.ts';
import type { CombatantSpec } from '../../../src/battle/index.ts';
import { eventsOf, makeBattle, makeFighter, stepUntil } from '../support/battleHarness.ts';
import { expectedStats, pickStats, roundAll } from '../support/statExpectations.ts';

/** A battle where the party holds `copies` of `relicId`. */
function withRelic(
  relicId: string,
  copies: number,
  party?: CombatantSpec[],
  foes?: CombatantSpec[],
) {
  return makeBattle({ relicCounts: { [relicId]: copies }, party, foes });
}

const isPartyHit = (event: { source: number; cause: string }) =>
  event.source === 0 && event.cause === 'hit';

describe('relic stat bonuses', () => {
  for (const relic of RELICS.filter((entry) => entry.modifiers.length > 0)) {
    it(`${relic.id} gives ${describeModifiers(relic.modifiers)} per copy, twice for two`, () => {
      const battle = withRelic(relic.id, 2);

      const expected = roundAll(expectedStats(relic.modifiers, 2));

      assert.deepEqual(pickStats(battle.combatants[0]?.stats, expected), expected);
      assert.ok(relic.description.includes(describeModifiers(relic.modifiers)));
    });
  }
});

describe('relic rules', () => {
  it('blood-vial heals the hitter 2 % of the damage dealt per copy', () => {
    const battle = withRelic('blood-vial', 2, [makeFighter({ hp: 500 })]);

    const hit = stepUntil(battle, 'damaged', isPartyHit);

    const heal = eventsOf(battle, 'healed').find((event) => event.target === 0);
    assert.equal(heal?.amount, Math.floor((hit?.amount ?? 0) * N.bloodVialLifesteal * 2));
  });

  it('tonic-flask heals every party member 5 % of max hp per copy at battle start', () => {
    const party = [makeFighter({ hp: 500 }), makeFighter({ hp: 500 })];
    const battle = withRelic('tonic-flask', 2, party);

    const heals = eventsOf(battle, 'healed').map((event) => [event.target, event.amount]);

    assert.deepEqual(heals, [[0, 100], [1, 100]]);
  });

  it('ember-heart burns on every hit once five copies make the chance certain', () => {
    const foe = makeFighter({ id: 'foe', baseStats: { effectResistance: 1 } });
    const battle = withRelic('ember-heart', 5, undefined, [foe]);

    const hit = stepUntil(battle, 'damaged', isPartyHit);

    const burn = eventsOf(battle, 'effectApplied').find((event) => event.effectId === BURN.id);
    assert.equal(burn?.perTick, Math.floor((hit?.amount ?? 0) * BURN.tickShare));
  });

  it('ember-heart burns on about 20 % of hits with one copy', () => {
    const sturdy = makeFighter({ baseStats: { maxHp: 1e7, mitigation: 1000 } });
    const foe = makeFighter({ id: 'foe', baseStats: { maxHp: 1e7 } });
    const battle = withRelic('ember-heart', 1, [sturdy], [foe]);

    for (let step = 0; step < 1000 && !battle.isOver; step++) battle.step();

    const hits = eventsOf(battle, 'damaged').filter(isPartyHit).length;
    const burns = eventsOf(battle, 'effectApplied').filter((e) => e.effectId === BURN.id).length;
    assert.ok(hits >= 400, `only ${hits} hits`);
    assert.ok(Math.abs(burns / hits - N.emberBurnChance) < 0.05, `${burns} of ${hits}`);
  });

  it('spiked-bracer returns 5 % of the damage taken per copy', () => {
    const battle = withRelic('spiked-bracer', 2);

    const taken = stepUntil(battle, 'damaged', (event) => event.target === 0);

    const spikes = eventsOf(battle, 'damaged').find((event) => event.cause === 'hook');
    assert.equal(spikes?.amount, Math.floor((taken?.amount ?? 0) * N.bracerReflectShare * 2));
  });

  it('guardian-idol shields every party member 10 % of max hp per copy', () => {
    const battle = withRelic('guardian-idol', 2, [makeFighter(), makeFighter()]);

    const shields = [0, 1].map((index) => battle.combatants[index]?.shield);

    assert.deepEqual(shields, [200, 200]);
  });

  it('hunters-trophy raises the killer atk by 4 % per copy', () => {
    const foes = [makeFighter({ hp: 1 }), makeFighter({ baseStats: { aggro: 0 } })];
    const battle = withRelic('hunters-trophy', 2, undefined, foes);

    stepUntil(battle, 'died');

    assert.ok(Math.abs((battle.combatants[0]?.stats.atk ?? 0) - 108) < 1e-9);
  });

  it('eternal-flame gives 1 extra ultimate charge per copy after each party action', () => {
    const battle = withRelic('eternal-flame', 2);

    battle.step();

    assert.equal(battle.combatants[0]?.ultimateCharge, 1 + 2 * N.flameCharges);
  });

  it('lifeblood-chalice heals the actor 2 % of max hp per copy after each action', () => {
    const battle = withRelic('lifeblood-chalice', 2, [makeFighter({ hp: 500 })]);

    const heal = stepUntil(battle, 'healed', (event) => event.target === 0);

    assert.equal(heal?.amount, 1000 * N.chaliceHealShare * 2);
  });
});
