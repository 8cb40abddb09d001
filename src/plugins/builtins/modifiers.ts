import type { StatKey, StatModifier } from '../types.ts';

/**
 * Stats that are already fractions (rates and multipliers) take flat additions; the others take
 * percentages of their value. Descriptions follow the same split.
 */
const FLAT_STATS: ReadonlySet<StatKey> = new Set([
  'critRate',
  'critDamage',
  'effectHitRate',
  'effectResistance',
  'dodge',
  'regain',
]);

const STAT_LABELS: Record<StatKey, string> = {
  maxHp: 'max hp',
  atk: 'atk',
  def: 'def',
  spd: 'spd',
  critRate: 'crit rate',
  critDamage: 'crit damage',
  effectHitRate: 'effect hit rate',
  effectResistance: 'effect resistance',
  mitigation: 'mitigation',
  vitality: 'vitality',
  dodge: 'dodge',
  regain: 'regain',
  aggro: 'aggro',
};

/** A modifier of `amount` on `stat`: flat for rate stats, a percentage (fraction) otherwise. */
export function boost(stat: StatKey, amount: number): StatModifier {
  return FLAT_STATS.has(stat) ? { stat, flat: amount } : { stat, percent: amount };
}

/** Renders modifiers as text, as in `atk +10 %, spd −5 %, crit rate +2 points`. */
export function describeModifiers(modifiers: readonly StatModifier[]): string {
  return modifiers.map(describeModifier).join(', ');
}

function describeModifier(modifier: StatModifier): string {
  const parts: string[] = [];
  if (modifier.flat !== undefined) parts.push(formatFlat(modifier.stat, modifier.flat));
  if (modifier.percent !== undefined) parts.push(`${signed(modifier.percent * 100)} %`);
  return `${STAT_LABELS[modifier.stat]} ${parts.join(' and ')}`;
}

function formatFlat(stat: StatKey, value: number): string {
  // Rates are shown in percentage points, because 0.05 reads worse than "+5 points".
  return FLAT_STATS.has(stat) ? `${signed(value * 100)} points` : signed(value);
}

function signed(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return rounded < 0 ? `−${-rounded}` : `+${rounded}`;
}
