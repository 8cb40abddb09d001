import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HOOK } from '../../src/battle/BattleSim.ts';
import { createBattle } from '../../src/battle/createBattle.ts';
import type { BattleContent } from '../../src/battle/types.ts';
import type { BattleHooks, HookName } from '../../src/plugins/hooks.ts';
import { HOOK_NAMES } from '../../src/plugins/hooks.ts';
import type { CardPlugin, PassivePlugin, RelicPlugin } from '../../src/plugins/types.ts';
import {
  EMPTY_CONTENT,
  STEADY,
  contentWithPassive,
  makeConfig,
  makeSpec,
} from '../support/battleContent.ts';

type Call = [HookName, string | null, string | null, string | null, number];

function recorder(calls: Call[]): BattleHooks {
  const hooks: BattleHooks = {};
  for (const name of HOOK_NAMES) {
    hooks[name] = ({ owner, actor, target, copies }) => {
      calls.push([name, owner?.id ?? null, actor?.id ?? null, target?.id ?? null, copies]);
    };
  }
  return hooks;
}

function passive(id: string, hooks: BattleHooks): PassivePlugin {
  return { kind: 'passive', id, name: id, description: 'Test.', hooks };
}

const KILLER = { ...STEADY, atk: 1e5 };

describe('Battle hooks', () => {
  it('numbers hooks in the order of HOOK_NAMES', () => {
    assert.deepEqual(HOOK_NAMES.map((name) => HOOK[name]), [0, 1, 2, 3, 4, 5, 6]);
  });

  it('fires a passive’s hooks for its owner, in rule order', () => {
    const calls: Call[] = [];
    const content = contentWithPassive(passive('spy', recorder(calls)));
    const hero = makeSpec({ id: 'hero', baseStats: KILLER, passiveId: 'spy' });

    createBattle(makeConfig({ party: [hero] }), content).runToEnd();

    assert.deepEqual(calls.map((call) => call[0]), [
      'onBattleStart', 'beforeAction', 'onHit', 'onKill', 'afterAction', 'onTurnEnd',
    ]);
  });

  it('fires damage-taken hooks for the combatant hit', () => {
    const calls: Call[] = [];
    const content = contentWithPassive(passive('spy', recorder(calls)));
    const foe = makeSpec({ id: 'foe', baseStats: { ...STEADY, spd: 1 }, passiveId: 'spy' });
    const battle = createBattle(makeConfig({ foes: [foe] }), content);

    battle.step();

    const taken = calls.filter((call) => call[0] === 'onDamageTaken');
    assert.deepEqual(taken, [['onDamageTaken', 'foe', 'hero', 'foe', 1]]);
  });

  it('fires card hooks for every party member with no owner', () => {
    const calls: Call[] = [];
    const card: CardPlugin = {
      kind: 'card', id: 'spy-card', name: 'Spy', description: 'Test.', stars: 1,
      modifiers: [], hooks: recorder(calls),
    };
    const content: BattleContent = {
      ...EMPTY_CONTENT,
      card: (id) => (id === card.id ? card : undefined),
    };
    const party = [makeSpec({ id: 'a' }), makeSpec({ id: 'b' })];
    const battle = createBattle(makeConfig({ party, cardIds: ['spy-card'] }), content);

    battle.step();
    battle.step();

    const before = calls.filter((call) => call[0] === 'beforeAction');
    assert.deepEqual(before, [
      ['beforeAction', null, 'a', null, 1],
      ['beforeAction', null, 'b', null, 1],
    ]);
    assert.equal(calls.filter((call) => call[0] === 'onBattleStart').length, 1);
  });

  it('tells relic hooks how many copies the party holds', () => {
    const calls: Call[] = [];
    const relic: RelicPlugin = {
      kind: 'relic', id: 'spy-relic', name: 'Spy', description: 'Test.', stars: 1,
      modifiers: [], hooks: recorder(calls),
    };
    const content: BattleContent = {
      ...EMPTY_CONTENT,
      relic: (id) => (id === relic.id ? relic : undefined),
    };

    createBattle(makeConfig({ relicCounts: { 'spy-relic': 3 } }), content);

    assert.deepEqual(calls, [['onBattleStart', null, null, null, 3]]);
  });

  it('stops hooks that trigger each other from looping forever', () => {
    let reflections = 0;
    const thorns = passive('thorns', {
      onDamageTaken: ({ battle, owner, actor }) => {
        reflections++;
        if (owner && actor) battle.damage(owner, actor, 1);
      },
    });
    const content = contentWithPassive(thorns);
    const spec = { baseStats: { ...STEADY, maxHp: 1e6 }, passiveId: 'thorns' };
    const config = makeConfig({ party: [makeSpec(spec)], foes: [makeSpec(spec)] });
    const battle = createBattle(config, content);

    battle.step();

    assert.equal(reflections, 3);
  });

  it('draws hook rolls from the battle’s seed', () => {
    const rolls = (seed: number) => {
      const seen: boolean[] = [];
      const gambler = passive('gambler', {
        beforeAction: ({ battle }) => void seen.push(battle.chance(0.5)),
      });
      const hero = makeSpec({ baseStats: { ...STEADY, maxHp: 1e6 }, passiveId: 'gambler' });
      const battle = createBattle(makeConfig({ seed, party: [hero] }), contentWithPassive(gambler));
      for (let i = 0; i < 20; i++) battle.step();
      return seen.join();
    };

    assert.equal(rolls(5), rolls(5));
    assert.notEqual(rolls(5), rolls(6));
  });
});
