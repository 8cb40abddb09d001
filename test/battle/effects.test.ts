import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createBattle } from '../../src/battle/createBattle.ts';
import type { BattleContent } from '../../src/battle/types.ts';
import type { PassivePlugin } from '../../src/plugins/types.ts';
import {
  STEADY,
  TOUGH,
  contentWithPassive,
  eventsOfType,
  makeBattleContent,
  makeConfig,
  makeSpec,
} from '../support/battleContent.ts';

/** Generic hits inflict the fixture's `fire-dot` (a fifth of the hit per tick, 3 actions). */
const CONTENT: BattleContent = makeBattleContent({
  Generic: {
    kind: 'damageType',
    id: 'generic',
    name: 'Generic',
    description: 'Test.',
    element: 'Generic',
    dotEffectId: 'fire-dot',
  },
});

function duel(hitRate: number, seed = 1) {
  const party = [makeSpec({ baseStats: { ...TOUGH, effectHitRate: hitRate } })];
  const foes = [makeSpec({ element: 'Wind', baseStats: { ...TOUGH, effectResistance: 0.05 } })];
  return createBattle(makeConfig({ seed, party, foes }), CONTENT);
}

describe('Battle effects', () => {
  it('lands one sure stack per whole unit of chance', () => {
    const battle = duel(3.05);

    battle.step();

    const [applied] = eventsOfType(battle.events, 'effectApplied');
    assert.deepEqual(applied, {
      type: 'effectApplied', source: 0, target: 1, effectId: 'fire-dot', stacks: 3, perTick: 13,
    });
  });

  it('never lands when hit rate does not beat resistance', () => {
    const battle = duel(0.05);

    for (let i = 0; i < 20; i++) battle.step();

    assert.equal(eventsOfType(battle.events, 'effectApplied').length, 0);
  });

  it('rolls the fraction of the chance: some stacks land, some are resisted', () => {
    const battle = duel(0.55, 42);

    for (let i = 0; i < 60; i++) battle.step();

    const landed = eventsOfType(battle.events, 'effectApplied').length;
    const resisted = eventsOfType(battle.events, 'effectResisted').length;
    assert.equal(landed + resisted, 30);
    assert.deepEqual([landed, resisted], [14, 16]);
  });

  it('ticks on the victim’s next three actions, stacks adding up, then expires them', () => {
    const battle = duel(1.05);

    for (let i = 0; i < 8; i++) battle.step();

    const ticks = eventsOfType(battle.events, 'effectTicked').map((event) => event.stacks);
    const expired = eventsOfType(battle.events, 'effectExpired').map((event) => event.stacks);
    assert.deepEqual(ticks, [1, 2, 3, 3]);
    assert.deepEqual(expired, [1, 1]);
  });

  it('deals each stack’s own share of its triggering hit every tick', () => {
    const battle = duel(1.05);

    for (let i = 0; i < 4; i++) battle.step();

    const amounts = eventsOfType(battle.events, 'effectTicked').map((event) => event.amount);
    assert.deepEqual(amounts, [13, 26]);
  });

  it('heals over time before damaging over time', () => {
    const passive: PassivePlugin = {
      kind: 'passive', id: 'mixed', name: 'Mixed', description: 'Test.',
      hooks: {
        onBattleStart: ({ battle, owner }) => {
          if (owner === null) return;
          battle.applyEffect(null, owner, 'fire-dot', 20, 1, false);
          battle.applyEffect(null, owner, 'light-hot', 10, 1);
        },
      },
    };
    const party = [makeSpec({ baseStats: TOUGH, passiveId: 'mixed', hp: 500 })];
    const battle = createBattle(makeConfig({ party }), contentWithPassive(passive, CONTENT));

    battle.step();

    const ticks = eventsOfType(battle.events, 'effectTicked').map((event) => event.effectId);
    assert.deepEqual(ticks, ['light-hot', 'fire-dot']);
  });

  it('ticks 800 stacks as one event', () => {
    const passive: PassivePlugin = {
      kind: 'passive', id: 'pile', name: 'Pile', description: 'Test.',
      hooks: {
        onBattleStart: ({ battle, owner }) => {
          for (let i = 0; owner !== null && i < 800; i++) {
            battle.applyEffect(null, owner, 'fire-dot', 1 + (i % 2), 1, false);
          }
        },
      },
    };
    const party = [makeSpec({ baseStats: { ...TOUGH, maxHp: 1e7 }, passiveId: 'pile' })];
    const battle = createBattle(makeConfig({ party }), contentWithPassive(passive, CONTENT));

    battle.step();

    const [tick] = eventsOfType(battle.events, 'effectTicked');
    assert.equal(tick?.stacks, 800);
    assert.equal(tick?.amount, 1200);
  });

  it('puts no effect on the dead', () => {
    const results: number[] = [];
    const passive: PassivePlugin = {
      kind: 'passive', id: 'gravedigger', name: 'Gravedigger', description: 'Test.',
      hooks: {
        onKill: ({ battle, actor, target }) => {
          if (actor && target) results.push(battle.applyEffect(actor, target, 'fire-dot', 5, 3));
        },
      },
    };
    const party = [makeSpec({ baseStats: { ...STEADY, atk: 1e4 }, passiveId: 'gravedigger' })];
    const battle = createBattle(makeConfig({ party }), contentWithPassive(passive, CONTENT));

    battle.runToEnd();

    assert.deepEqual(results, [0]);
    assert.equal(battle.combatants[1]?.effectStacks, 0);
  });
});
