import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SHOP } from '../../../src/core/balance/runs.ts';
import { GameError } from '../../../src/core/errors.ts';
import { BUILTIN_PLUGINS } from '../../../src/plugins/builtins/builtinPlugins.ts';
import { PluginRegistry } from '../../../src/plugins/PluginRegistry.ts';
import type { RunRecord } from '../../../src/services/run/RunRecord.ts';
import * as rules from '../../../src/services/run/RunRules.ts';
import { generateFloor } from '../../../src/services/run/generateFloor.ts';

const registry = new PluginRegistry(BUILTIN_PLUGINS);
const FULL_HP = 1000;

function makeRun(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    id: 'r_test',
    hostId: 'host',
    memberIds: ['host'],
    invitedIds: [],
    status: 'active',
    result: '',
    seed: 42,
    pressure: 0,
    phase: 'map',
    floor: 1,
    roomIndex: 0,
    roomsCleared: 0,
    gold: 50,
    party: [{ ownerId: 'host', characterId: 'avatar', hp: 400 }],
    cards: [],
    relics: {},
    pendingReward: null,
    shop: [],
    shopRerolls: 0,
    version: 0,
    ...overrides,
  };
}

/** The index of the first room of `kind` on floor 1 of seed 42. */
function firstIndexOf(kind: string): number {
  return generateFloor(42, 1).indexOf(kind as never);
}

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof GameError) return error.code;
    throw error;
  }
  return 'NONE';
}

function victory(run: RunRecord, options: { isBoss?: boolean; foes?: number } = {}): void {
  const result = {
    isVictory: true,
    isBoss: options.isBoss ?? false,
    foesDefeated: options.foes ?? 2,
  };
  rules.finishBattle(run, result, registry, ['host']);
}

describe('RunRules', () => {
  it('enters a battle room from the map', () => {
    const run = makeRun();

    const entry = rules.enterNextRoom(run, registry, () => FULL_HP);

    assert.equal(entry.roomIndex, 1);
    assert.equal(run.phase, 'battle');
  });

  it('heals the party to full in a rest room', () => {
    const run = makeRun({ roomIndex: firstIndexOf('rest') - 1 });

    rules.enterNextRoom(run, registry, () => FULL_HP);

    assert.equal(run.party[0]?.hp, FULL_HP);
    assert.equal(run.phase, 'map');
  });

  it('opens a priced shop in a shop room', () => {
    const run = makeRun({ roomIndex: firstIndexOf('shop') - 1 });

    rules.enterNextRoom(run, registry, () => FULL_HP);

    assert.equal(run.phase, 'shop');
    assert.equal(run.shop.filter((item) => item.kind === 'card').length, SHOP.cards);
    assert.ok(run.shop.every((item) => item.price >= SHOP.priceByStars[0]));
  });

  it('moves to the next floor after the boss room', () => {
    const run = makeRun({ roomIndex: 44 });

    rules.enterNextRoom(run, registry, () => FULL_HP);

    assert.equal(run.floor, 2);
    assert.equal(run.roomIndex, 1);
  });

  it('ends the run on a defeat', () => {
    const run = makeRun({ phase: 'battle', roomIndex: 1 });

    rules.finishBattle(run, { isVictory: false, isBoss: false, foesDefeated: 0 }, registry, []);

    assert.equal(run.status, 'ended');
    assert.equal(run.result, 'defeat');
  });

  it('offers up to three cards the party does not hold after a victory', () => {
    const held = registry.list('card').slice(0, 10).map((card) => card.id);
    const run = makeRun({ phase: 'battle', roomIndex: 1, cards: held });

    victory(run);

    assert.equal(run.pendingReward?.stage, 'card');
    assert.equal(run.pendingReward?.options.length, 3);
    assert.ok(run.pendingReward?.options.every((id) => !held.includes(id)));
  });

  it('claims rewards in order: card, then relic when one dropped, then loot', () => {
    const run = makeRun({ phase: 'battle', roomIndex: 1 });
    victory(run, { isBoss: true, foes: 1 });
    const stages = [run.pendingReward?.stage];

    rules.pickCard(run, run.pendingReward?.options[0] ?? '', registry);
    stages.push(run.pendingReward?.stage);
    if (run.pendingReward?.stage === 'relic') {
      rules.pickRelic(run, run.pendingReward.options[0] ?? '', registry);
      stages.push(run.pendingReward?.stage);
    }

    assert.equal(stages[0], 'card');
    assert.equal(stages.at(-1), 'loot');
    assert.equal(run.cards.length, 1);
  });

  it('adds the loot gold to the party and returns to the map', () => {
    const run = makeRun({ phase: 'battle', roomIndex: 1 });
    victory(run);
    rules.pickCard(run, run.pendingReward?.options[0] ?? '', registry);
    if (run.pendingReward?.stage === 'relic') {
      rules.pickRelic(run, run.pendingReward.options[0] ?? '', registry);
    }
    const goldBefore = run.gold;

    const loot = rules.collectLoot(run);

    assert.equal(run.gold, goldBefore + loot.gold);
    assert.ok(loot.gold > 0);
    assert.equal(run.phase, 'map');
    assert.deepEqual(loot.earnerIds, ['host']);
  });

  it('refuses a card that was not offered', () => {
    const run = makeRun({ phase: 'battle', roomIndex: 1 });
    victory(run);

    assert.equal(codeOf(() => rules.pickCard(run, 'not-offered', registry)), 'NOT_OFFERED');
  });

  it('refuses to advance while a reward is pending', () => {
    const run = makeRun({ phase: 'battle', roomIndex: 1 });
    victory(run);

    assert.equal(codeOf(() => rules.enterNextRoom(run, registry, () => FULL_HP)), 'CHOICE_PENDING');
  });

  it('refuses loot and relics out of their stage', () => {
    const run = makeRun({ phase: 'battle', roomIndex: 1 });
    victory(run);

    assert.equal(codeOf(() => rules.collectLoot(run)), 'WRONG_PHASE');
    assert.equal(codeOf(() => rules.pickRelic(run, 'any', registry)), 'WRONG_PHASE');
  });

  it('refuses shop commands outside a shop', () => {
    const run = makeRun();

    assert.equal(codeOf(() => rules.buy(run, '0-0')), 'WRONG_PHASE');
    assert.equal(codeOf(() => rules.reroll(run, registry)), 'WRONG_PHASE');
  });

  it('sells an item once, for its price', () => {
    const run = makeRun({ roomIndex: firstIndexOf('shop') - 1, gold: 10_000 });
    rules.enterNextRoom(run, registry, () => FULL_HP);
    const item = run.shop[0];
    assert.ok(item);

    rules.buy(run, item.itemId);

    assert.equal(run.gold, 10_000 - item.price);
    assert.ok(run.cards.includes(item.pluginId));
    assert.equal(codeOf(() => rules.buy(run, item.itemId)), 'NOT_OFFERED');
  });

  it('refuses a purchase the party cannot afford', () => {
    const run = makeRun({ roomIndex: firstIndexOf('shop') - 1, gold: 0 });
    rules.enterNextRoom(run, registry, () => FULL_HP);

    assert.equal(codeOf(() => rules.buy(run, run.shop[0]?.itemId ?? '')), 'NOT_ENOUGH_GOLD');
    assert.equal(codeOf(() => rules.reroll(run, registry)), 'NOT_ENOUGH_GOLD');
  });

  it('restocks the shop for the reroll fee', () => {
    const run = makeRun({ roomIndex: firstIndexOf('shop') - 1, gold: 100 });
    rules.enterNextRoom(run, registry, () => FULL_HP);
    const firstStock = run.shop.map((item) => item.itemId);

    rules.reroll(run, registry);

    assert.equal(run.gold, 100 - SHOP.rerollCost);
    assert.notDeepEqual(run.shop.map((item) => item.itemId), firstStock);
  });

  it('rolls the same rewards for the same run, room and seed', () => {
    const first = makeRun({ phase: 'battle', roomIndex: 3 });
    const second = makeRun({ phase: 'battle', roomIndex: 3 });

    victory(first);
    victory(second);

    assert.deepEqual(first.pendingReward, second.pendingReward);
  });
});
