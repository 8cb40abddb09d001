import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SeededRng } from '../../../src/core/rng.ts';
import type { CombatantSpec } from '../../../src/battle/index.ts';
import { CARDS } from '../../../src/plugins/builtins/cards.ts';
import { CHARACTERS } from '../../../src/plugins/builtins/characters.ts';
import { FOES } from '../../../src/plugins/builtins/foes.ts';
import { RELICS } from '../../../src/plugins/builtins/relics.ts';
import { makeBattle } from '../support/battleHarness.ts';

const SEEDS = Array.from({ length: 24 }, (_, i) => i * 7919 + 1);

/** Foes this much tougher than their base, so battles last long enough for hooks to matter. */
const FOE_HP_FACTOR = 6;

function toSpec(entry: (typeof CHARACTERS)[number] | (typeof FOES)[number]): CombatantSpec {
  return {
    id: entry.id,
    name: entry.name,
    element: entry.element,
    level: 1,
    baseStats: entry.baseStats ?? {},
    modifiers: [],
    passiveId: entry.passiveId,
  };
}

/** A 5-against-5 battle with 6 cards and 6 relics (two copies each), all drawn from `seed`. */
function makeFullBattle(seed: number) {
  const rng = new SeededRng(seed);
  const foes = rng.shuffle(FOES).slice(0, 5).map(toSpec);
  for (const foe of foes) {
    foe.baseStats = { ...foe.baseStats, maxHp: (foe.baseStats.maxHp ?? 1000) * FOE_HP_FACTOR };
  }
  return makeBattle({
    seed,
    party: rng.shuffle(CHARACTERS).slice(0, 5).map(toSpec),
    foes,
    cardIds: rng.shuffle(CARDS).slice(0, 6).map((card) => card.id),
    relicCounts: Object.fromEntries(rng.shuffle(RELICS).slice(0, 6).map((r) => [r.id, 2])),
  });
}

const isFoeHit = (event: { type: string; source?: number }) =>
  event.type === 'damaged' && (event.source ?? -1) >= 5;

function digestOf(seed: number): string {
  const battle = makeFullBattle(seed);
  battle.runToEnd();
  return battle.digest();
}

describe('built-in content in battle', () => {
  it('replays every seed to the same digest, whatever ran in between', () => {
    const first = SEEDS.map(digestOf);

    const second = [...SEEDS].reverse().map(digestOf).reverse();

    assert.deepEqual(second, first);
    assert.equal(new Set(first).size, SEEDS.length);
  });

  it('ends every battle, with both sides landing blows', () => {
    const battles = SEEDS.map(makeFullBattle);

    const outcomes = battles.map((battle) => battle.runToEnd());

    assert.ok(outcomes.every((outcome) => outcome === 'victory' || outcome === 'defeat'));
    assert.ok(battles.every((battle) => battle.events.some(isFoeHit)));
  });
});
