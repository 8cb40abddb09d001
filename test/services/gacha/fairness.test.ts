import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FEATURED_SHARE, HARD_PITY, ITEM_ELEMENTS } from '../../../src/core/balance/gacha.ts';
import { SeededRng } from '../../../src/core/rng.ts';
import { publishedRates } from '../../../src/services/gacha/publishedRates.ts';
import {
  fiveStarChance,
  rollPull,
  sixStarChance,
  type BannerPools,
} from '../../../src/services/gacha/rollPull.ts';

/** Pulls simulated through the same pure logic the service uses. */
const PULLS = 1_000_000;
const SEED = 20_261_204;

/**
 * Chi-square critical values at significance 0.001 (a fair generator fails 1 run in 1000; the
 * seed is fixed, so the verdict is deterministic).
 */
const CHI_SQUARE_0_001 = { 1: 10.828, 5: 20.515 } as const;

const POOLS: BannerPools = {
  sixStars: ['six-a', 'six-b'],
  fiveStars: ['five-a', 'five-b', 'five-c', 'five-d'],
  featuredId: 'five-b',
};
const PITY_BANDS = [40, 80, 120, 159, 180];

interface Tally {
  categories: number[];
  elements: number[];
  featured: number;
  fiveStars: number;
  bandHits: number[];
  bandExpected: number[];
  bandVariance: number[];
  longestStreak: number;
}

function simulate(): Tally {
  const rng = new SeededRng(SEED);
  const tally: Tally = {
    categories: [0, 0, 0, 0, 0, 0],
    elements: ITEM_ELEMENTS.map(() => 0),
    featured: 0,
    fiveStars: 0,
    bandHits: PITY_BANDS.map(() => 0),
    bandExpected: PITY_BANDS.map(() => 0),
    bandVariance: PITY_BANDS.map(() => 0),
    longestStreak: 0,
  };
  let pity = 0;
  for (let i = 0; i < PULLS; i++) {
    const chance = sixStarChance(POOLS) + (1 - sixStarChance(POOLS)) * fiveStarChance(pity);
    const band = PITY_BANDS.findIndex((limit) => pity < limit);
    tally.bandExpected[band]! += chance;
    tally.bandVariance[band]! += chance * (1 - chance);

    const { result, pity: next } = rollPull(pity, POOLS, rng);
    if (result.kind === 'character') {
      tally.bandHits[band]! += 1;
      tally.categories[result.rarity === 6 ? 0 : 1]! += 1;
      if (result.rarity === 5) tally.fiveStars += 1;
      if (result.isFeatured) tally.featured += 1;
    } else {
      tally.categories[1 + result.stars]! += 1;
      tally.elements[ITEM_ELEMENTS.indexOf(result.element)]! += 1;
    }
    pity = next;
    tally.longestStreak = Math.max(tally.longestStreak, pity);
  }
  return tally;
}

function chiSquare(observed: number[], expected: number[]): number {
  return observed.reduce((sum, o, i) => sum + (o - expected[i]!) ** 2 / expected[i]!, 0);
}

describe('gacha fairness', () => {
  const tally = simulate();

  it('matches the published long-run rates over a million pulls', () => {
    const { effective } = publishedRates(true);
    const shares = [effective.sixStar, effective.fiveStar, ...effective.itemStars];

    const statistic = chiSquare(tally.categories, shares.map((share) => share * PULLS));

    assert.ok(statistic < CHI_SQUARE_0_001[5], `chi-square ${statistic.toFixed(2)} ≥ 20.515`);
  });

  it('gives characters at the published chance in every pity band', () => {
    const statistic = tally.bandHits.reduce(
      (sum, hits, i) => sum + (hits - tally.bandExpected[i]!) ** 2 / tally.bandVariance[i]!,
      0,
    );

    assert.ok(statistic < CHI_SQUARE_0_001[5], `chi-square ${statistic.toFixed(2)} ≥ 20.515`);
  });

  it('spreads item elements evenly', () => {
    const items = tally.elements.reduce((sum, count) => sum + count, 0);

    const statistic = chiSquare(tally.elements, tally.elements.map(() => items / 6));

    assert.ok(statistic < CHI_SQUARE_0_001[5], `chi-square ${statistic.toFixed(2)} ≥ 20.515`);
  });

  it('makes half of the 5★ results the featured character', () => {
    const expected = [tally.fiveStars * FEATURED_SHARE, tally.fiveStars * (1 - FEATURED_SHARE)];

    const statistic = chiSquare([tally.featured, tally.fiveStars - tally.featured], expected);

    assert.ok(statistic < CHI_SQUARE_0_001[1], `chi-square ${statistic.toFixed(2)} ≥ 10.828`);
  });

  it('never lets a streak without a character pass hard pity', () => {
    assert.ok(tally.longestStreak <= HARD_PITY, `streak reached pity ${tally.longestStreak}`);
  });
});
