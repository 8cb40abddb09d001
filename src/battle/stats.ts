import {
  DEFAULT_STATS,
  DIMINISHING_KNEE_PERCENT,
  DIMINISHING_SPAN_PERCENT,
  STAT_BOUNDS,
} from '../core/balance/battle.ts';
import { MODIFIER_KINDS, STAT_KEYS } from '../plugins/types.ts';
import type { ModifierKind, Stats } from '../plugins/types.ts';
import type { KindedModifier } from '../plugins/hooks.ts';

const KIND_INDEX: Readonly<Record<ModifierKind, number>> = Object.fromEntries(
  MODIFIER_KINDS.map((kind, i) => [kind, i]),
) as Record<ModifierKind, number>;

/**
 * Runtime stats: `(base + flats) × Π over kinds (1 + diminished sum of that kind's percents)`,
 * clamped to `STAT_BOUNDS`. Unset base stats take `DEFAULT_STATS`.
 */
export function computeStats(base: Partial<Stats>, modifiers: readonly KindedModifier[]): Stats {
  const kinds = MODIFIER_KINDS.length;
  const flats = new Float64Array(STAT_KEYS.length);
  const percents = new Float64Array(STAT_KEYS.length * kinds);
  for (const modifier of modifiers) {
    const stat = STAT_KEYS.indexOf(modifier.stat);
    flats[stat] = (flats[stat] as number) + (modifier.flat ?? 0);
    const cell = stat * kinds + KIND_INDEX[modifier.kind];
    percents[cell] = (percents[cell] as number) + (modifier.percent ?? 0);
  }

  const stats = { ...DEFAULT_STATS };
  for (let s = 0; s < STAT_KEYS.length; s++) {
    const key = STAT_KEYS[s] as keyof Stats;
    let value = (base[key] ?? DEFAULT_STATS[key]) + (flats[s] as number);
    for (let k = 0; k < kinds; k++) {
      value *= Math.max(0, 1 + diminish(percents[s * kinds + k] as number));
    }
    const [low, high] = STAT_BOUNDS[key];
    stats[key] = Math.min(high, Math.max(low, value));
  }
  return stats;
}

/** Counts a summed percentage in full up to the knee, then ever less (see the balance data). */
export function diminish(percent: number): number {
  if (percent <= DIMINISHING_KNEE_PERCENT) return percent;
  const excess = percent - DIMINISHING_KNEE_PERCENT;
  const span = DIMINISHING_SPAN_PERCENT;
  return DIMINISHING_KNEE_PERCENT + (span * excess) / (span + excess);
}
