import {
  FEATURED_SHARE,
  FIVE_STAR_BASE_RATE,
  FIVE_STAR_RAMP_PITY,
  FIVE_STAR_RAMP_RATE,
  HARD_PITY,
  ITEM_ELEMENTS,
  ITEM_STARS,
  PULL_COUNTS,
  SIX_STAR_RATE,
  TICKETS_PER_PULL,
} from '../../core/balance/gacha.ts';
import { fiveStarChance, itemStarWeights } from './rollPull.ts';

export interface PityRow {
  pity: number;
  sixStar: number;
  fiveStar: number;
  /** Chance of an item of each star, 1★ first. */
  itemStars: number[];
}

export interface PublishedRates {
  ticketsPerPull: number;
  pullCounts: readonly number[];
  sixStarRate: number;
  fiveStar: { baseRate: number; rampRate: number; rampPity: number; hardPity: number };
  featuredShare: number;
  itemElements: readonly string[];
  /** Exact per-pull chances at every pity value (0 to hard pity). */
  pityCurve: PityRow[];
  /** Long-run shares over many pulls (the pity chain's stationary distribution). */
  effective: { sixStar: number; fiveStar: number; itemStars: number[] };
  expectedPullsPerCharacter: number;
}

/** The odds `GET /api/gacha/rates` publishes, computed from the balance data. */
export function publishedRates(hasSixStars = true): PublishedRates {
  const pityCurve = pityRows(hasSixStars ? SIX_STAR_RATE : 0);
  const survival = reachChances(pityCurve);
  const expectedPulls = survival.reduce((total, chance) => total + chance, 0);
  const weight = (pity: number) => (survival[pity] ?? 0) / expectedPulls;

  const effective = { sixStar: 0, fiveStar: 0, itemStars: ITEM_STARS.map(() => 0) };
  for (const row of pityCurve) {
    effective.sixStar += weight(row.pity) * row.sixStar;
    effective.fiveStar += weight(row.pity) * row.fiveStar;
    row.itemStars.forEach((chance, i) => {
      effective.itemStars[i] = (effective.itemStars[i] ?? 0) + weight(row.pity) * chance;
    });
  }

  return {
    ticketsPerPull: TICKETS_PER_PULL,
    pullCounts: PULL_COUNTS,
    sixStarRate: hasSixStars ? SIX_STAR_RATE : 0,
    fiveStar: {
      baseRate: FIVE_STAR_BASE_RATE,
      rampRate: FIVE_STAR_RAMP_RATE,
      rampPity: FIVE_STAR_RAMP_PITY,
      hardPity: HARD_PITY,
    },
    featuredShare: FEATURED_SHARE,
    itemElements: ITEM_ELEMENTS,
    pityCurve,
    effective,
    expectedPullsPerCharacter: expectedPulls,
  };
}

function pityRows(sixStar: number): PityRow[] {
  const rows: PityRow[] = [];
  for (let pity = 0; pity <= HARD_PITY; pity++) {
    const fiveStar = (1 - sixStar) * fiveStarChance(pity);
    const item = 1 - sixStar - fiveStar;
    const itemStars = itemStarWeights(pity).map((weight) => (item * weight) / 100);
    rows.push({ pity, sixStar, fiveStar, itemStars });
  }
  return rows;
}

/** The chance that a character-free streak reaches each pity value. */
function reachChances(rows: readonly PityRow[]): number[] {
  const chances: number[] = [];
  let reach = 1;
  for (const row of rows) {
    chances.push(reach);
    reach *= 1 - row.sixStar - row.fiveStar;
  }
  return chances;
}
