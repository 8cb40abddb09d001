import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createBattle } from '../../src/battle/createBattle.ts';
import { MAX_BATTLE_ACTIONS } from '../../src/core/balance/battle.ts';
import { MAX_SEED } from '../../src/core/rng.ts';
import type { Battle, BattleConfig, BattleEvent, CombatantSpec } from '../../src/battle/types.ts';
import { ELEMENTS } from '../../src/plugins/types.ts';
import { makeBattleContent } from '../support/battleContent.ts';

const CONTENT = makeBattleContent();
const PINNED_DIGEST = 'b556f7b5c560fedac35f674e96ff96cc1bf212132e794f39babda471dd10773e';

const specArb: fc.Arbitrary<CombatantSpec> = fc
  .record({
    element: fc.constantFrom(...ELEMENTS),
    maxHp: fc.integer({ min: 1, max: 5000 }),
    atk: fc.integer({ min: 0, max: 400 }),
    def: fc.integer({ min: 0, max: 400 }),
    spd: fc.integer({ min: 1, max: 400 }),
    critRate: fc.double({ min: 0, max: 1, noNaN: true }),
    dodge: fc.double({ min: 0, max: 1, noNaN: true }),
    effectHitRate: fc.double({ min: 0, max: 3, noNaN: true }),
    regain: fc.double({ min: 0, max: 0.2, noNaN: true }),
    actionsPerTurn: fc.integer({ min: 1, max: 3 }),
    hpShare: fc.double({ min: 0.01, max: 1, noNaN: true }),
    passiveId: fc.constantFrom('bulwark', 'vampiric', undefined),
  })
  .map(({ element, hpShare, actionsPerTurn, passiveId, ...stats }) => ({
    id: element.toLowerCase(),
    name: element,
    element,
    level: 1,
    baseStats: stats,
    modifiers: [],
    actionsPerTurn,
    hp: Math.max(1, Math.floor(stats.maxHp * hpShare)),
    ...(passiveId === undefined ? {} : { passiveId }),
  }));

const configArb: fc.Arbitrary<BattleConfig> = fc.record({
  seed: fc.integer({ min: 0, max: MAX_SEED }),
  party: fc.array(specArb, { minLength: 1, maxLength: 5 }),
  foes: fc.array(specArb, { minLength: 1, maxLength: 5 }),
  cardIds: fc.subarray(['sharp-edge', 'first-aid']),
  relicCounts: fc.constantFrom<Record<string, number>>({}, { 'iron-ring': 3 }),
  isBossRoom: fc.boolean(),
});

/** Steps a battle to its end, checking every rule invariant after each action. */
function playChecked(battle: Battle): void {
  const dead = new Set<number>();
  for (let i = 0; i <= MAX_BATTLE_ACTIONS && !battle.isOver; i++) {
    for (const event of battle.step()) checkEvent(event, dead);
    for (const fighter of battle.combatants) {
      assert.ok(fighter.hp >= 0 && fighter.hp <= fighter.maxHp, `hp ${fighter.hp} out of bounds`);
      assert.ok(fighter.isAlive || fighter.hp === 0, 'a dead combatant keeps hp');
    }
  }
}

function checkEvent(event: BattleEvent, dead: Set<number>): void {
  if (event.type === 'acted') assert.ok(!dead.has(event.actor), 'a dead combatant acted');
  if (event.type === 'effectApplied') assert.ok(!dead.has(event.target), 'an effect hit the dead');
  if (event.type === 'healed') assert.ok(!dead.has(event.target), 'the dead were healed');
  if (event.type === 'died') dead.add(event.target);
}

function digestOf(seed: number): { digest: string; log: string } {
  const battle = createBattle(makeTeamsConfig(seed), CONTENT);
  battle.runToEnd();
  return { digest: battle.digest(), log: battle.log() };
}

function makeTeamsConfig(seed: number): BattleConfig {
  const elements = ['Fire', 'Ice', 'Wind', 'Lightning', 'Light', 'Dark'] as const;
  const spec = (element: (typeof elements)[number], slot: number): CombatantSpec => ({
    id: `${element}-${slot}`, name: element, element, level: 1,
    baseStats: { maxHp: 1200 }, modifiers: [], passiveId: 'vampiric',
  });
  return {
    seed,
    party: elements.slice(0, 5).map(spec),
    foes: elements.slice(1).map(spec),
    cardIds: ['sharp-edge', 'first-aid'],
    relicCounts: { 'iron-ring': 2 },
    isBossRoom: false,
  };
}

describe('Battle properties', () => {
  it('keeps hp within bounds, never lets the dead act and always ends', () => {
    fc.assert(
      fc.property(configArb, (config) => {
        const battle = createBattle(config, CONTENT);

        playChecked(battle);

        assert.ok(battle.isOver);
        assert.ok(battle.actionCount <= MAX_BATTLE_ACTIONS);
        assert.equal(battle.events.at(-1)?.type, 'battleEnded');
      }),
      { numRuns: 150, seed: 4242 },
    );
  });

  it('gives the same digest and log for the same inputs, over 200 seeds run twice', () => {
    const seeds = Array.from({ length: 200 }, (_, i) => i * 7919);

    const first = seeds.map(digestOf);
    const second = seeds.map(digestOf);

    assert.deepEqual(second, first);
    assert.equal(new Set(first.map((run) => run.digest)).size, seeds.length);
  });

  it('gives the same digests when each battle reuses the memory of released ones', () => {
    const seeds = Array.from({ length: 50 }, (_, i) => i * 104729);
    const fresh = seeds.map(digestOf);

    const reused = seeds.map((seed) => {
      const battle = createBattle(makeTeamsConfig(seed), CONTENT);
      battle.runToEnd();
      const digest = battle.digest();
      battle.release();
      return digest;
    });

    assert.deepEqual(reused, fresh.map((run) => run.digest));
  });

  it('replays a pinned battle to its recorded outcome and digest', () => {
    const battle = createBattle(makeTeamsConfig(7), CONTENT);

    const outcome = battle.runToEnd();

    // Changes only when a rule or balance constant changes on purpose: update it then.
    assert.deepEqual([outcome, battle.actionCount], ['victory', 136]);
    assert.equal(battle.digest(), PINNED_DIGEST);
  });

  it('decodes to the same events whether stepped or run to the end', () => {
    const stepped = createBattle(makeTeamsConfig(11), CONTENT);
    const run = createBattle(makeTeamsConfig(11), CONTENT);
    const collected: BattleEvent[] = [...stepped.events];

    while (!stepped.isOver) collected.push(...stepped.step());
    run.runToEnd();

    assert.deepEqual(collected, run.events);
    assert.equal(stepped.digest(), run.digest());
  });
});
