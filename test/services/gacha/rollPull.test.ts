import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { HARD_PITY } from '../../../src/core/balance/gacha.ts';
import {
  fiveStarChance,
  itemStarWeights,
  rollPull,
  rollPulls,
  type BannerPools,
  type PullRng,
} from '../../../src/services/gacha/rollPull.ts';

const POOLS: BannerPools = {
  sixStars: ['six-a'],
  fiveStars: ['five-a', 'five-b', 'five-c'],
  featuredId: 'five-a',
};

/** A generator that replays `values` in a loop: lets fast-check choose every roll. */
function scriptedRng(values: readonly number[]): PullRng {
  let i = 0;
  const next = () => values[i++ % values.length] ?? 0;
  return {
    float: next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
  };
}

const unitFloat = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const rolls = fc.array(unitFloat, { minLength: 1, maxLength: 64 });
const pity = fc.integer({ min: 0, max: HARD_PITY });

describe('rollPull', () => {
  it('keeps pity in [0, hard pity]: 0 after a character, one more otherwise', () => {
    fc.assert(
      fc.property(pity, rolls, fc.integer({ min: 1, max: 400 }), (start, values, count) => {
        const rng = scriptedRng(values);
        let current = start;
        for (let i = 0; i < count; i++) {
          const { result, pity: next } = rollPull(current, POOLS, rng);
          assert.equal(next, result.kind === 'character' ? 0 : current + 1);
          assert.ok(next >= 0 && next <= HARD_PITY);
          current = next;
        }
      }),
    );
  });

  it('gives a character within the pulls left to hard pity, whatever the rolls', () => {
    fc.assert(
      fc.property(pity, rolls, (start, values) => {
        const rng = scriptedRng(values);
        let current = start;
        let pulls = 0;
        do {
          pulls += 1;
          current = rollPull(current, POOLS, rng).pity;
        } while (current !== 0);
        assert.ok(pulls <= HARD_PITY - start + 1, `${pulls} pulls from pity ${start}`);
      }),
    );
  });

  it('gives the first character on exactly the 180th pull when every roll fails', () => {
    const unlucky = scriptedRng([0.999_999_999]);

    const { results } = rollPulls(0, POOLS, 180, unlucky);

    assert.equal(results.findIndex((result) => result.kind === 'character'), 179);
  });

  it('rolls a batch exactly like the same pulls one at a time', () => {
    fc.assert(
      fc.property(pity, rolls, fc.constantFrom(1, 5, 10), (start, values, count) => {
        const batch = rollPulls(start, POOLS, count, scriptedRng(values));

        const rng = scriptedRng(values);
        let current = start;
        const single = [];
        for (let i = 0; i < count; i++) {
          const pull = rollPull(current, POOLS, rng);
          single.push(pull.result);
          current = pull.pity;
        }

        assert.deepEqual(batch, { results: single, pity: current });
      }),
    );
  });

  it('only ever gives characters from the banner pools', () => {
    fc.assert(
      fc.property(pity, rolls, (start, values) => {
        const { results } = rollPulls(start, POOLS, 10, scriptedRng(values));
        for (const result of results.filter((r) => r.kind === 'character')) {
          const pool = result.rarity === 6 ? POOLS.sixStars : POOLS.fiveStars;
          assert.ok(pool.includes(result.characterId), result.characterId);
        }
      }),
    );
  });
});

describe('pity curve', () => {
  it('climbs from 0.001 % to 5 % at pity 159 and is certain at 179', () => {
    assert.equal(fiveStarChance(0), 0.00001);
    assert.ok(Math.abs(fiveStarChance(159) - 0.05) < 1e-12);
    assert.equal(fiveStarChance(HARD_PITY), 1);
  });

  it('makes higher item stars more likely as pity grows, each row summing to 100', () => {
    const low = itemStarWeights(0);
    const high = itemStarWeights(HARD_PITY - 1);

    assert.ok(Math.abs(high.reduce((a, b) => a + b) - 100) < 1e-9);
    assert.ok(high[3]! > low[3]! && high[2]! > low[2]! && high[0]! < low[0]!);
  });
});
