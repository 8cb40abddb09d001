import { DEFAULT_STATS } from '../../../src/core/balance/battle.ts';
import type { StatKey, StatModifier, Stats } from '../../../src/plugins/types.ts';
import { PLAIN_STATS } from './battleHarness.ts';

/**
 * What each stat a list of modifiers touches should become on a plain fighter, when the list is
 * applied `copies` times within one modifier kind (one modifier per stat, below the knee).
 */
export function expectedStats(
  modifiers: readonly StatModifier[],
  copies = 1,
): Partial<Record<StatKey, number>> {
  const expected: Partial<Record<StatKey, number>> = {};
  for (const { stat, percent, flat } of modifiers) {
    const base = PLAIN_STATS[stat] ?? DEFAULT_STATS[stat];
    expected[stat] = (base + copies * (flat ?? 0)) * (1 + copies * (percent ?? 0));
  }
  return expected;
}

/** The stats `expected` names, read from `stats`, rounded so float noise cannot fail a test. */
export function pickStats(
  stats: Readonly<Stats> | undefined,
  expected: Partial<Record<StatKey, number>>,
): Partial<Record<StatKey, number>> {
  const picked: Partial<Record<StatKey, number>> = {};
  for (const stat of Object.keys(expected) as StatKey[]) picked[stat] = round(stats?.[stat]);
  return picked;
}

/** Rounds every value to 9 decimals for comparison. */
export function roundAll(
  values: Partial<Record<StatKey, number>>,
): Partial<Record<StatKey, number>> {
  const rounded: Partial<Record<StatKey, number>> = {};
  for (const [stat, value] of Object.entries(values)) rounded[stat as StatKey] = round(value);
  return rounded;
}

function round(value: number | undefined): number {
  return Math.round((value ?? NaN) * 1e9) / 1e9;
}
