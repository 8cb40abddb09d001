import { ITEM_ELEMENTS } from '../../core/balance/gacha.ts';
import { REWARDS } from '../../core/balance/runs.ts';
import type { SeededRng } from '../../core/rng.ts';
import type { ContentLists } from './ContentLists.ts';
import type { LootItem } from './RunRecord.ts';

type StarWeights = ReadonlyArray<readonly [number, number]>;

/** Rolls a star count from `[stars, weight]` pairs. */
export function rollStars(rng: SeededRng, weights: StarWeights): number {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = rng.float() * total;
  for (const [stars, weight] of weights) {
    roll -= weight;
    if (roll < 0) return stars;
  }
  return weights[weights.length - 1]?.[0] ?? 1;
}

/**
 * Offers up to three cards the party does not hold, stars rolled per offer (GAME.md §5); when no
 * unheld card has the rolled stars, any unheld card fills the slot.
 */
export function rollCardOffer(
  rng: SeededRng,
  content: ContentLists,
  heldCardIds: readonly string[],
  isAfterBoss: boolean,
  size: number = REWARDS.cardChoices,
): string[] {
  const held = new Set(heldCardIds);
  const weights = isAfterBoss ? REWARDS.cardStarsAfterBoss : REWARDS.cardStars;
  const cards = content.list('card').filter((card) => !held.has(card.id));
  return pickByStars(rng, cards, weights, size);
}

/** Offers up to three relics; relics stack, so held ones may be offered again. */
export function rollRelicOffer(
  rng: SeededRng,
  content: ContentLists,
  isAfterBoss: boolean,
  size: number = REWARDS.relicChoices,
): string[] {
  const weights = isAfterBoss ? REWARDS.relicStarsAfterBoss : REWARDS.relicStars;
  return pickByStars(rng, content.list('relic'), weights, size);
}

/** Whether a relic drops: the base chance scaled by the rare-drop rate the kills raised. */
export function rollRelicDrop(rng: SeededRng, foesDefeated: number, isAfterBoss: boolean): boolean {
  const base = isAfterBoss ? REWARDS.relicDropChanceAfterBoss : REWARDS.relicDropChance;
  const rareDropRate = 1 + REWARDS.rareDropPerFoe * foesDefeated;
  return rng.chance(base * rareDropRate);
}

export interface Loot {
  gold: number;
  tickets: number;
  items: LootItem[];
}

/** Gold for the party, and upgrade items and sometimes a ticket for each member. */
export function rollLoot(
  rng: SeededRng,
  foesDefeated: number,
  pressure: number,
  isAfterBoss: boolean,
): Loot {
  const [goldMin, goldMax] = REWARDS.goldPerFoe;
  const [itemsMin, itemsMax] = REWARDS.itemsPerFoe;
  let gold = 0;
  let itemCount = 0;
  for (let foe = 0; foe < foesDefeated; foe++) {
    gold += rng.int(goldMin, goldMax);
    itemCount += rng.int(itemsMin, itemsMax);
  }
  const ticketChance = isAfterBoss ? REWARDS.ticketChanceAfterBoss : REWARDS.ticketChance;
  const element = rng.pick(ITEM_ELEMENTS);
  return {
    gold: Math.round(gold * (1 + REWARDS.goldPressureGrowth * pressure)),
    tickets: rng.chance(ticketChance) ? 1 : 0,
    items: itemCount > 0 ? [{ element, stars: 1, count: itemCount }] : [],
  };
}

function pickByStars<T extends { id: string; stars: number }>(
  rng: SeededRng,
  candidates: readonly T[],
  weights: StarWeights,
  size: number,
): string[] {
  const remaining = [...candidates];
  const offer: string[] = [];
  while (offer.length < size && remaining.length > 0) {
    const stars = rollStars(rng, weights);
    const ofStars = remaining.filter((candidate) => candidate.stars === stars);
    const chosen = rng.pick(ofStars.length > 0 ? ofStars : remaining);
    offer.push(chosen.id);
    remaining.splice(remaining.indexOf(chosen), 1);
  }
  return offer;
}
