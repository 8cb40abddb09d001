import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BLEED, RENEWAL } from '../../../src/plugins/builtins/effects.ts';
import { CARD_NUMBERS as N, CARDS } from '../../../src/plugins/builtins/cards.ts';
import { describeModifiers } from '../../../src/plugins/builtins/modifiers.ts';
import type { CombatantSpec } from '../../../src/battle/index.ts';
import { eventsOf, makeBattle, makeFighter, stepUntil } from '../support/battleHarness.ts';
import { expectedStats, pickStats, roundAll } from '../support/statExpectations.ts';

/** A battle where the party holds `cardId`; party and foe default to one plain fighter each. */
function withCard(cardId: string, party?: CombatantSpec[], foes?: CombatantSpec[]) {
  return makeBattle({ cardIds: [cardId], party, foes });
}

const isPartyHit = (event: { source: number; cause: string }) =>
  event.source === 0 && event.cause === 'hit';

describe('card stat bonuses', () => {
  for (const card of CARDS.filter((entry) => entry.modifiers.length > 0)) {
    it(`${card.id} gives every party member ${describeModifiers(card.modifiers)}`, () => {
      const battle = withCard(card.id, [makeFighter(), makeFighter()]);

      const expected = roundAll(expectedStats(card.modifiers));

      for (const member of battle.combatants.filter((view) => view.side === 'party')) {
        assert.deepEqual(pickStats(member.stats, expected), expected);
      }
      assert.ok(card.description.includes(describeModifiers(card.modifiers)));
    });
  }
});

describe('card rules', () => {
  it('first-aid-kit heals every party member 8 % of max hp at battle start', () => {
    const battle = withCard('first-aid-kit', [makeFighter({ hp: 500 }), makeFighter({ hp: 500 })]);

    const heals = eventsOf(battle, 'healed').map((event) => [event.target, event.amount]);

    const amount = Math.floor((battle.combatants[0]?.maxHp ?? 0) * N.firstAidHealShare);
    assert.deepEqual(heals, [[0, amount], [1, amount]]);
  });

  it('thorned-mail returns 10 % of the damage a party member takes', () => {
    const battle = withCard('thorned-mail');

    const taken = stepUntil(battle, 'damaged', (event) => event.target === 0);

    const thorns = eventsOf(battle, 'damaged').find((event) => event.cause === 'hook');
    assert.equal(thorns?.target, 1);
    assert.equal(thorns?.amount, Math.floor((taken?.amount ?? 0) * N.thornReflectShare));
  });

  it('vampiric-fang heals the hitter for 6 % of the damage dealt', () => {
    const battle = withCard('vampiric-fang', [makeFighter({ hp: 500 })]);

    const hit = stepUntil(battle, 'damaged', isPartyHit);

    const heal = eventsOf(battle, 'healed').find((event) => event.target === 0);
    assert.equal(heal?.amount, Math.floor((hit?.amount ?? 0) * N.fangLifesteal));
  });

  it('serrated-edge leaves an unresistable Bleed stack on every party hit', () => {
    const foe = makeFighter({ id: 'foe', baseStats: { effectResistance: 1 } });
    const battle = withCard('serrated-edge', undefined, [foe]);

    const hit = stepUntil(battle, 'damaged', isPartyHit);

    const bleed = eventsOf(battle, 'effectApplied').find((event) => event.effectId === BLEED.id);
    assert.equal(bleed?.perTick, Math.floor((hit?.amount ?? 0) * BLEED.tickShare));
  });

  it('mending-hymn gives each party member Renewal worth 5 % of max hp per tick', () => {
    const battle = withCard('mending-hymn', [makeFighter(), makeFighter()]);

    const renewals = eventsOf(battle, 'effectApplied').filter((e) => e.effectId === RENEWAL.id);

    assert.deepEqual(renewals.map((event) => [event.target, event.perTick]), [[0, 50], [1, 50]]);
  });

  it('last-stand shields 15 % of max hp when a blow drops a member below 30 %', () => {
    const battle = withCard('last-stand', [makeFighter({ hp: 320 })]);

    const shield = stepUntil(battle, 'shielded', (event) => event.target === 0);

    assert.equal(shield?.amount, 1000 * N.lastStandShieldShare);
  });

  it('executioners-writ repeats 25 % of a hit that leaves its target below 20 %', () => {
    const battle = withCard('executioners-writ', undefined, [makeFighter({ hp: 190 })]);

    const hit = stepUntil(battle, 'damaged', isPartyHit);

    const extra = eventsOf(battle, 'damaged').find((event) => event.cause === 'hook');
    assert.equal(extra?.amount, Math.floor((hit?.amount ?? 0) * N.writExtraShare));
  });

  it('battle-hymn heals every party member 5 % of max hp on a kill', () => {
    const party = [makeFighter({ hp: 500 }), makeFighter({ hp: 500 })];
    const foes = [makeFighter({ hp: 1 }), makeFighter({ baseStats: { aggro: 0 } })];
    const battle = withCard('battle-hymn', party, foes);

    stepUntil(battle, 'died');

    const heals = eventsOf(battle, 'healed').map((event) => [event.target, event.amount]);
    assert.deepEqual(heals, [[0, 50], [1, 50]]);
  });

  it('soul-harvest raises the killer atk by 5 % for the battle', () => {
    const foes = [makeFighter({ hp: 1 }), makeFighter({ baseStats: { aggro: 0 } })];
    const battle = withCard('soul-harvest', undefined, foes);

    stepUntil(battle, 'died');

    assert.ok(Math.abs((battle.combatants[0]?.stats.atk ?? 0) - 105) < 1e-9);
  });

  it('giant-slayer repeats 15 % of every party hit in a boss room', () => {
    const battle = makeBattle({ cardIds: ['giant-slayer'], isBossRoom: true });

    const hit = stepUntil(battle, 'damaged', isPartyHit);

    const extra = eventsOf(battle, 'damaged').find((event) => event.cause === 'hook');
    assert.equal(extra?.amount, Math.floor((hit?.amount ?? 0) * N.slayerBossExtraShare));
  });

  it('giant-slayer does nothing outside a boss room', () => {
    const battle = withCard('giant-slayer');

    stepUntil(battle, 'damaged', isPartyHit);

    assert.equal(eventsOf(battle, 'damaged').filter((e) => e.cause === 'hook').length, 0);
  });

  it('aegis-of-dawn shields every party member for 20 % of max hp at battle start', () => {
    const battle = withCard('aegis-of-dawn', [makeFighter(), makeFighter()]);

    const shields = [0, 1].map((index) => battle.combatants[index]?.shield);

    assert.deepEqual(shields, [200, 200]);
  });

  it('storm-crown gives 1 extra ultimate charge after each party action', () => {
    const battle = withCard('storm-crown');

    battle.step();

    assert.equal(battle.combatants[0]?.ultimateCharge, 1 + N.crownCharges);
  });

  it('phoenix-plume heals 40 % of max hp when a blow drops a member below 10 %', () => {
    const battle = withCard('phoenix-plume', [makeFighter({ hp: 140 })]);

    const heal = stepUntil(battle, 'healed', (event) => event.target === 0);

    assert.equal(heal?.amount, 1000 * N.plumeHealShare);
  });

  it('doom-bell takes 1 % of max hp from every foe after each party action', () => {
    const battle = withCard('doom-bell', undefined, [makeFighter(), makeFighter()]);

    battle.step();

    const tolls = eventsOf(battle, 'damaged').filter((event) => event.cause === 'hook');
    assert.deepEqual(tolls.map((event) => [event.target, event.amount]), [[1, 10], [2, 10]]);
  });
});
