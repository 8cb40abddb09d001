import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createBattle } from '../../src/battle/createBattle.ts';
import {
  ENRAGE_AFTER_PARTY_ACTIONS,
  ENRAGE_AFTER_PARTY_ACTIONS_BOSS,
  MAX_BATTLE_ACTIONS,
} from '../../src/core/balance/battle.ts';
import type { Battle } from '../../src/battle/types.ts';
import {
  EMPTY_CONTENT,
  STEADY,
  eventsOfType,
  makeBattleContent,
  makeConfig,
  makeSpec,
} from '../support/battleContent.ts';

const ENDLESS = { ...STEADY, maxHp: 1e9 };

function endlessDuel(isBossRoom: boolean, heroHp?: number): Battle {
  const carried = heroHp === undefined ? {} : { hp: heroHp };
  const hero = makeSpec({ baseStats: { ...ENDLESS, regain: 0.001 }, ...carried });
  const foe = makeSpec({ element: 'Wind', baseStats: ENDLESS });
  return createBattle(makeConfig({ party: [hero], foes: [foe], isBossRoom }), EMPTY_CONTENT);
}

function partyActionsBeforeEnrage(battle: Battle): number {
  while (battle.enrageStacks === 0) battle.step();
  const events = battle.events;
  const firstEnraged = events.findIndex((event) => event.type === 'enraged');
  const acted = eventsOfType(events.slice(0, firstEnraged), 'acted');
  return acted.filter((event) => event.actor === 0).length;
}

describe('Battle enrage and end', () => {
  it('enrages after 100 party actions', () => {
    const battle = endlessDuel(false);

    assert.equal(partyActionsBeforeEnrage(battle), ENRAGE_AFTER_PARTY_ACTIONS);
  });

  it('enrages after 500 party actions in a boss room', () => {
    const battle = endlessDuel(true);

    assert.equal(partyActionsBeforeEnrage(battle), ENRAGE_AFTER_PARTY_ACTIONS_BOSS);
  });

  it('makes foes deal 35 % more per enrage stack', () => {
    const battle = endlessDuel(false);
    while (battle.enrageStacks < 4) battle.step();

    let hit: { amount: number } | undefined;
    while (hit === undefined) {
      hit = eventsOfType(battle.step(), 'damaged').find((event) => event.source === 1);
    }

    const base = (100 * 100) / (100 + 50);
    assert.equal(hit.amount, Math.floor(base * (1 + 0.35 * battle.enrageStacks)));
  });

  it('cuts healing by 35 % per enrage stack, down to nothing', () => {
    const battle = endlessDuel(false, 5e8);

    while (battle.enrageStacks < 6) battle.step();

    // Every action adds a stack, the foe's too, so the hero heals at 0, 2, then 4+ stacks.
    const heals = eventsOfType(battle.events, 'healed').map((event) => event.amount);
    assert.deepEqual([...new Set(heals)], [1e6, 300_000]);
    assert.equal(battle.step().some((event) => event.type === 'healed'), false);
  });

  it('ends in victory when no foe stands, then steps no further', () => {
    const hero = makeSpec({ baseStats: { ...STEADY, atk: 1e5 } });
    const battle = createBattle(makeConfig({ party: [hero] }), EMPTY_CONTENT);

    const outcome = battle.runToEnd();

    assert.equal(outcome, 'victory');
    assert.deepEqual(battle.events.at(-1), {
      type: 'battleEnded', outcome: 'victory', actions: 1, reason: 'allDown',
    });
    assert.deepEqual(battle.step(), []);
  });

  it('ends in defeat when no party member stands', () => {
    const foe = makeSpec({ baseStats: { ...STEADY, atk: 1e5, spd: 500 } });
    const battle = createBattle(makeConfig({ foes: [foe] }), EMPTY_CONTENT);

    assert.equal(battle.runToEnd(), 'defeat');
    assert.equal(battle.combatants[0]?.isAlive, false);
  });

  it('ends in defeat at the action limit when nobody can win', () => {
    const stats = { ...STEADY, atk: 0, maxHp: 1e12 };
    const config = makeConfig({
      party: [makeSpec({ baseStats: stats })],
      foes: [makeSpec({ baseStats: stats })],
    });
    const battle = createBattle(config, EMPTY_CONTENT);

    battle.runToEnd();

    assert.equal(battle.actionCount, MAX_BATTLE_ACTIONS);
    assert.deepEqual(battle.events.at(-1), {
      type: 'battleEnded', outcome: 'defeat', actions: MAX_BATTLE_ACTIONS, reason: 'actionLimit',
    });
  });

  it('starts a party member at the hp carried from the last room', () => {
    const battle = createBattle(makeConfig({ party: [makeSpec({ hp: 321 })] }), EMPTY_CONTENT);

    assert.equal(battle.combatants[0]?.hp, 321);
  });

  it('applies card and relic modifiers to the party only, once per relic copy', () => {
    const config = makeConfig({ cardIds: ['sharp-edge'], relicCounts: { 'iron-ring': 2 } });

    const [hero, foe] = createBattle(config, makeBattleContent()).combatants;

    assert.equal(Math.round((hero?.stats.atk ?? 0) * 100), 11_000);
    assert.equal(Math.round((hero?.stats.def ?? 0) * 100), 5_500);
    assert.equal(foe?.stats.atk, 100);
  });
});
