import {
  DEFAULT_STATS,
  DIMINISHING_KNEE_PERCENT,
  DIMINISHING_SPAN_PERCENT,
  STAT_BOUNDS,
} from '../core/balance/battle.ts';
import { MODIFIER_KINDS, STAT_KEYS } from '../plugins/types.ts';
import type { ModifierKind, StatKey, Stats } from '../plugins/types.ts';
import type { KindedModifier } from '../plugins/hooks.ts';

const KINDS = MODIFIER_KINDS.length;
const indexOf = <T extends string>(names: readonly T[]) =>
  Object.fromEntries(names.map((name, i) => [name, i])) as Record<T, number>;
const KIND_INDEX: Readonly<Record<ModifierKind, number>> = indexOf(MODIFIER_KINDS);
const STAT_INDEX: Readonly<Record<StatKey, number>> = indexOf(STAT_KEYS);

/**
 * Scratch sums, reused by every call: computeStats runs to completion synchronously and zeroes
 * them first, so no state survives a call. It saves two allocations per combatant.
 */
const flats = new Float64Array(STAT_KEYS.length);
const percents = new Float64Array(STAT_KEYS.length * KINDS);

/**
 * Runtime stats: `(base + flats) × Π over kinds (1 + diminished sum of that kind's percents)`,
 * clamped to `STAT_BOUNDS`. Unset base stats take `DEFAULT_STATS`.
 */
export function computeStats(base: Partial<Stats>, modifiers: readonly KindedModifier[]): Stats {
  flats.fill(0);
  percents.fill(0);
  for (const modifier of modifiers) {
    const stat = STAT_INDEX[modifier.stat];
    flats[stat] = (flats[stat] as number) + (modifier.flat ?? 0);
    const cell = stat * KINDS + KIND_INDEX[modifier.kind];
    percents[cell] = (percents[cell] as number) + (modifier.percent ?? 0);
  }

  const stats = newStats();
  for (let s = 0; s < STAT_KEYS.length; s++) {
    const key = STAT_KEYS[s] as StatKey;
    let value = (base[key] ?? DEFAULT_STATS[key]) + (flats[s] as number);
    for (let k = 0; k < KINDS; k++) {
      const percent = percents[s * KINDS + k] as number;
      if (percent !== 0) value *= Math.max(0, 1 + diminish(percent));
    }
    const [low, high] = STAT_BOUNDS[key];
    stats[key] = Math.min(high, Math.max(low, value));
  }
  return stats;
}

/** A stats object built by one literal, so every combatant's stats share one hidden class. */
function newStats(): Stats {
  return {
    maxHp: 0.5,
    atk: 0.5,
    def: 0.5,
    spd: 0.5,
    critRate: 0.5,
    critDamage: 0.5,
    effectHitRate: 0.5,
    effectResistance: 0.5,
    mitigation: 0.5,
    vitality: 0.5,
    dodge: 0.5,
    regain: 0.5,
    aggro: 0.5,
  };
}

/** Counts a summed percentage in full up to the knee, then ever less (see the balance data). */
export function diminish(percent: number): number {
  if (percent <= DIMINISHING_KNEE_PERCENT) return percent;
  const excess = percent - DIMINISHING_KNEE_PERCENT;
  const span = DIMINISHING_SPAN_PERCENT;
  return DIMINISHING_KNEE_PERCENT + (span * excess) / (span + excess);
}
