import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BURN } from '../../../src/plugins/builtins/effects.ts';
import { PASSIVE_NUMBERS as N } from '../../../src/plugins/builtins/passives.ts';
import { eventsOf, makeBattle, makeFighter, stepUntil } from '../support/battleHarness.ts';

interface Scene {
  hp?: number;
  allies?: number;
  foes?: number;
  foeHp?: number;
}

/** A party of one fighter carrying `passiveId` (plus allies) against plain foes. */
function withPassive(passiveId: string, options: Scene = {}) {
  const owner = makeFighter({ id: 'owner', passiveId, hp: options.hp });
  const allies = Array.from({ length: options.allies ?? 0 }, () => makeFighter({ hp: 500 }));
  const foes = Array.from({ length: options.foes ?? 1 }, (_, slot) =>
    makeFighter({ id: `foe-${slot}`, hp: options.foeHp, baseStats: { aggro: slot === 0 ? 1 : 0 } }),
  );
  return makeBattle({ party: [owner, ...allies], foes });
}

const isOwnerHit = (event: { source: number; cause: string }) =>
  event.source === 0 && event.cause === 'hit';

describe('character passives', () => {
  it("wayfarers-resolve shields its owner for 10 % of max hp at battle start", () => {
    const battle = withPassive('wayfarers-resolve');

    assert.equal(battle.combatants[0]?.shield, 1000 * N.wayfarerShieldShare);
  });

  it('smouldering-temper raises atk by 2 % each time its owner takes damage', () => {
    const battle = withPassive('smouldering-temper');

    stepUntil(battle, 'damaged', (event) => event.target === 0);

    const hits = eventsOf(battle, 'damaged').filter((event) => event.target === 0).length;
    assert.ok(Math.abs((battle.combatants[0]?.stats.atk ?? 0) - 100 * (1 + 0.02 * hits)) < 1e-9);
  });

  it('pyre-heart sets 1 unresistable Burn stack worth 12 % of each hit', () => {
    const battle = withPassive('pyre-heart');

    const hit = stepUntil(battle, 'damaged', isOwnerHit);

    const burn = eventsOf(battle, 'effectApplied').find((event) => event.effectId === BURN.id);
    assert.deepEqual(
      { stacks: burn?.stacks, perTick: burn?.perTick },
      { stacks: N.pyreBurnStacks, perTick: Math.floor((hit?.amount ?? 0) * BURN.tickShare) },
    );
  });

  it('numbing-chill lowers the target spd by 5 % per hit', () => {
    const battle = withPassive('numbing-chill');

    stepUntil(battle, 'damaged', isOwnerHit);

    assert.ok(Math.abs((battle.combatants[1]?.stats.spd ?? 0) - 95) < 1e-9);
  });

  it('winter-bulwark shields every ally for 8 % of its owner max hp', () => {
    const battle = withPassive('winter-bulwark', { allies: 2 });

    const shields = battle.combatants.filter((view) => view.side === 'party').map((v) => v.shield);

    assert.deepEqual(shields, [80, 80, 80]);
  });

  it('tailwind raises spd by 3 % after each own action', () => {
    const battle = withPassive('tailwind');

    battle.step();

    assert.ok(Math.abs((battle.combatants[0]?.stats.spd ?? 0) - 103) < 1e-9);
  });

  it('eye-of-the-storm adds 15 points of dodge at battle start', () => {
    const battle = withPassive('eye-of-the-storm');

    assert.equal(battle.combatants[0]?.stats.dodge, N.stormDodge);
  });

  it('static-build gains 1 extra ultimate charge per hit', () => {
    const battle = withPassive('static-build');

    battle.step();

    assert.equal(battle.combatants[0]?.ultimateCharge, 1 + N.staticExtraCharges);
  });

  it('chain-spark deals 20 % of each hit to the next foe in line', () => {
    const battle = withPassive('chain-spark', { foes: 2 });

    const hit = stepUntil(battle, 'damaged', isOwnerHit);

    const arc = eventsOf(battle, 'damaged').find((event) => event.cause === 'hook');
    assert.equal(hit?.target, 1);
    assert.deepEqual([arc?.target, arc?.amount], [2, Math.floor((hit?.amount ?? 0) * 0.2)]);
  });

  it('dawn-blessing heals the weakest ally for 5 % of its owner max hp after acting', () => {
    const battle = withPassive('dawn-blessing', { allies: 1 });

    const heal = stepUntil(battle, 'healed', (event) => event.source === 0);

    assert.deepEqual([heal?.target, heal?.amount], [1, 1000 * N.dawnHealShare]);
  });

  it('sanctuary gives every ally 2 points of regain', () => {
    const battle = withPassive('sanctuary', { allies: 1 });

    const regains = [0, 1].map((index) => battle.combatants[index]?.stats.regain);

    assert.deepEqual(regains, [N.sanctuaryRegain, N.sanctuaryRegain]);
  });

  it('sanguine-thirst heals its owner for 15 % of the damage each hit deals', () => {
    const battle = withPassive('sanguine-thirst', { hp: 500 });

    const hit = stepUntil(battle, 'damaged', isOwnerHit);

    const heal = eventsOf(battle, 'healed').find((event) => event.target === 0);
    assert.equal(heal?.amount, Math.floor((hit?.amount ?? 0) * N.thirstLifesteal));
  });

  it('reaper-pact raises atk by 10 % and heals 10 % of max hp on each kill', () => {
    const battle = withPassive('reaper-pact', { hp: 500, foes: 2, foeHp: 1 });

    stepUntil(battle, 'died', (event) => event.killer === 0);

    const heal = eventsOf(battle, 'healed').find((event) => event.target === 0);
    assert.equal(heal?.amount, 1000 * N.reaperHealShare);
    assert.ok(Math.abs((battle.combatants[0]?.stats.atk ?? 0) - 110) < 1e-9);
  });

  it('stone-skin starts battles with def +30 % and aggro +50 %', () => {
    const battle = withPassive('stone-skin');

    const stats = battle.combatants[0]?.stats;

    assert.ok(Math.abs((stats?.def ?? 0) - 65) < 1e-9);
    assert.ok(Math.abs((stats?.aggro ?? 0) - 1.5) < 1e-9);
  });

  it('opening-gambit starts battles with 5 ultimate charges', () => {
    const battle = withPassive('opening-gambit');

    assert.equal(battle.combatants[0]?.ultimateCharge, N.gambitCharges);
  });

  it('executioner strikes again for 30 % of a hit that leaves the target below 25 %', () => {
    const battle = withPassive('executioner', { foeHp: 200 });

    const hit = stepUntil(battle, 'damaged', isOwnerHit);

    const extra = eventsOf(battle, 'damaged').find((event) => event.cause === 'hook');
    assert.equal(extra?.amount, Math.floor((hit?.amount ?? 0) * N.executeExtraShare));
  });

  it('ashen-retort burns whoever damages its owner for 20 % of the damage', () => {
    const battle = withPassive('ashen-retort');

    const taken = stepUntil(battle, 'damaged', (event) => event.target === 0);

    const burn = eventsOf(battle, 'effectApplied').find((event) => event.target === 1);
    assert.equal(burn?.effectId, BURN.id);
    assert.equal(burn?.perTick, Math.floor((taken?.amount ?? 0) * N.retortBurnShare));
  });

  it('glacial-patience shields 5 % of max hp before each action below half hp', () => {
    const battle = withPassive('glacial-patience', { hp: 400 });

    const shield = stepUntil(battle, 'shielded', (event) => event.target === 0);

    assert.equal(shield?.amount, 1000 * N.patienceShieldShare);
  });

  it('second-dawn heals 30 % of max hp when a blow drops its owner below 25 %', () => {
    const battle = withPassive('second-dawn', { hp: 270 });

    const heal = stepUntil(battle, 'healed', (event) => event.target === 0);

    assert.equal(heal?.amount, 1000 * N.secondDawnHealShare);
  });

  it('umbral-siphon drains 2 % of each foe current hp and heals by the total', () => {
    const battle = withPassive('umbral-siphon', { hp: 500, foes: 2 });

    const heal = stepUntil(battle, 'healed', (event) => event.target === 0);

    const drains = eventsOf(battle, 'damaged').filter((event) => event.cause === 'hook');
    assert.deepEqual(drains.map((event) => event.amount), [19, 20]);
    assert.equal(heal?.amount, 39);
  });
});
