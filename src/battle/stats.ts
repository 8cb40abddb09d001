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

const DEFAULTS: readonly number[] = STAT_KEYS.map((key) => DEFAULT_STATS[key]);
const LOWS: readonly number[] = STAT_KEYS.map((key) => STAT_BOUNDS[key][0]);
const HIGHS: readonly number[] = STAT_KEYS.map((key) => STAT_BOUNDS[key][1]);

/**
 * Scratch space, reused by every call: computeStats runs to completion synchronously and resets
 * it first, so no state survives a call. It saves three allocations per combatant.
 */
const values = new Float64Array(STAT_KEYS.length);
const percents = new Float64Array(STAT_KEYS.length * KINDS);
const hasPercent = new Uint8Array(STAT_KEYS.length);

/**
 * Runtime stats: `(base + flats) × Π over kinds (1 + diminished sum of that kind's percents)`,
 * clamped to `STAT_BOUNDS`. Unset base stats take `DEFAULT_STATS`.
 */
export function computeStats(base: Partial<Stats>, modifiers: readonly KindedModifier[]): Stats {
  values.set(DEFAULTS);
  percents.fill(0);
  hasPercent.fill(0);
  for (const key in base) {
    const value = base[key as StatKey];
    if (value !== undefined) values[STAT_INDEX[key as StatKey]] = value;
  }
  for (const modifier of modifiers) {
    const stat = STAT_INDEX[modifier.stat];
    values[stat] = (values[stat] as number) + (modifier.flat ?? 0);
    if (modifier.percent === undefined || modifier.percent === 0) continue;
    const cell = stat * KINDS + KIND_INDEX[modifier.kind];
    percents[cell] = (percents[cell] as number) + modifier.percent;
    hasPercent[stat] = 1;
  }

  for (let s = 0; s < STAT_KEYS.length; s++) {
    let value = values[s] as number;
    for (let k = 0; hasPercent[s] === 1 && k < KINDS; k++) {
      const percent = percents[s * KINDS + k] as number;
      if (percent !== 0) value *= Math.max(0, 1 + diminish(percent));
    }
    values[s] = Math.min(HIGHS[s] as number, Math.max(LOWS[s] as number, value));
  }
  return readStats(values);
}

/** One literal in `STAT_KEYS` order, so every combatant's stats share one hidden class. */
function readStats(v: Float64Array): Stats {
  return {
    maxHp: v[0] as number,
    atk: v[1] as number,
    def: v[2] as number,
    spd: v[3] as number,
    critRate: v[4] as number,
    critDamage: v[5] as number,
    effectHitRate: v[6] as number,
    effectResistance: v[7] as number,
    mitigation: v[8] as number,
    vitality: v[9] as number,
    dodge: v[10] as number,
    regain: v[11] as number,
    aggro: v[12] as number,
  };
}

/** Counts a summed percentage in full up to the knee, then ever less (see the balance data). */
export function diminish(percent: number): number {
  if (percent <= DIMINISHING_KNEE_PERCENT) return percent;
  const excess = percent - DIMINISHING_KNEE_PERCENT;
  const span = DIMINISHING_SPAN_PERCENT;
  return DIMINISHING_KNEE_PERCENT + (span * excess) / (span + excess);
}
