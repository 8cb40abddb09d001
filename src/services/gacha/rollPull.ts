import {
  FEATURED_SHARE,
  FIVE_STAR_BASE_RATE,
  FIVE_STAR_RAMP_PITY,
  FIVE_STAR_RAMP_RATE,
  HARD_PITY,
  ITEM_ELEMENTS,
  ITEM_STAR_WEIGHTS_AT_HARD_PITY,
  ITEM_STAR_WEIGHTS_AT_ZERO,
  SIX_STAR_RATE,
  type ItemElement,
  type ItemStars,
} from '../../core/balance/gacha.ts';
import { itemKey } from '../player/items.ts';

/** The randomness a pull needs; `SeededRng` provides it. */
export interface PullRng {
  /** A float in [0, 1). */
  float(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
}

/** The characters a banner can give right now. */
export interface BannerPools {
  sixStars: readonly string[];
  fiveStars: readonly string[];
  /** The featured 5★ character, or null on the standard banner. */
  featuredId: string | null;
}

export type PullResult =
  | { kind: 'character'; characterId: string; rarity: 5 | 6; isFeatured: boolean }
  | { kind: 'item'; itemId: string; element: ItemElement; stars: ItemStars };

/** The 5★ chance at `pity`, once the 6★ roll has failed (GAME.md §7). */
export function fiveStarChance(pity: number): number {
  if (pity >= HARD_PITY) return 1;
  const step = (FIVE_STAR_RAMP_RATE - FIVE_STAR_BASE_RATE) / FIVE_STAR_RAMP_PITY;
  return Math.min(1, FIVE_STAR_BASE_RATE + pity * step);
}

/** The 6★ chance on a banner: zero when the catalogue has no 6★ character. */
export function sixStarChance(pools: Pick<BannerPools, 'sixStars'>): number {
  return pools.sixStars.length > 0 ? SIX_STAR_RATE : 0;
}

/** Item star weights in percent at `pity`, moving linearly from pity 0 to hard pity. */
export function itemStarWeights(pity: number): number[] {
  const t = Math.min(1, Math.max(0, pity / HARD_PITY));
  return ITEM_STAR_WEIGHTS_AT_ZERO.map((low, i) => {
    const high = ITEM_STAR_WEIGHTS_AT_HARD_PITY[i] ?? low;
    return low + (high - low) * t;
  });
}

/**
 * One pull at `pity`: a 6★ roll, then a 5★ roll on the pity curve, else an upgrade item.
 * Returns the result and the new pity (0 after a character, else one more).
 */
export function rollPull(
  pity: number,
  pools: BannerPools,
  rng: PullRng,
): { result: PullResult; pity: number } {
  if (rng.float() < sixStarChance(pools)) {
    const characterId = pickFrom(pools.sixStars, rng);
    return { result: { kind: 'character', characterId, rarity: 6, isFeatured: false }, pity: 0 };
  }
  if (rng.float() < fiveStarChance(pity)) {
    return { result: rollFiveStar(pools, rng), pity: 0 };
  }
  return { result: rollItem(pity, rng), pity: pity + 1 };
}

/** `count` pulls in a row from `pity`; the pity carries from one pull to the next. */
export function rollPulls(
  pity: number,
  pools: BannerPools,
  count: number,
  rng: PullRng,
): { results: PullResult[]; pity: number } {
  const results: PullResult[] = [];
  let current = pity;
  for (let i = 0; i < count; i++) {
    const pull = rollPull(current, pools, rng);
    results.push(pull.result);
    current = pull.pity;
  }
  return { results, pity: current };
}

function rollFiveStar(pools: BannerPools, rng: PullRng): PullResult {
  const { featuredId } = pools;
  if (featuredId !== null && rng.float() < FEATURED_SHARE) {
    return { kind: 'character', characterId: featuredId, rarity: 5, isFeatured: true };
  }
  const others = pools.fiveStars.filter((id) => id !== featuredId);
  const characterId = pickFrom(others.length > 0 ? others : pools.fiveStars, rng);
  return { kind: 'character', characterId, rarity: 5, isFeatured: false };
}

function rollItem(pity: number, rng: PullRng): PullResult {
  const element = pickFrom(ITEM_ELEMENTS, rng);
  const weights = itemStarWeights(pity);
  let roll = rng.float() * 100;
  let stars = weights.length;
  for (let i = 0; i < weights.length; i++) {
    roll -= weights[i] ?? 0;
    if (roll < 0) {
      stars = i + 1;
      break;
    }
  }
  const itemStars = stars as ItemStars;
  return { kind: 'item', itemId: itemKey(element, itemStars), element, stars: itemStars };
}

function pickFrom<T>(items: readonly T[], rng: PullRng): T {
  if (items.length === 0) throw new RangeError('A gacha pool is empty');
  return items[rng.int(0, items.length - 1)] as T;
}
