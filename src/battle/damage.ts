import {
  ENRAGE_DAMAGE_PER_STACK,
  MIN_HIT_DAMAGE,
  SAME_ELEMENT_MULTIPLIER,
  WEAK_TO,
  WEAKNESS_MULTIPLIER,
} from '../core/balance/battle.ts';
import { ELEMENTS, type Element, type Stats } from '../plugins/types.ts';

/** Who strikes, as the damage formula sees it. */
export interface Striker {
  readonly element: Element;
  /** `element`'s index in `ELEMENTS`, so a hit looks its multiplier up by number. */
  readonly elementIndex: number;
  readonly isParty: boolean;
  readonly stats: Readonly<Stats>;
}

/**
 * GAME.md §3 damage for a hit that was not dodged: `atk² / (atk + def)`, × critDamage on a crit,
 * × weakness or same-element, × attacker vitality / (target vitality × mitigation), × (1 +
 * enrage) for foes, × `multiplier` (ultimates and element twists), floored, at least 1.
 */
export function hitDamage(
  attacker: Striker,
  target: Striker,
  multiplier: number,
  isCrit: boolean,
  enrageStacks: number,
): number {
  const atk = attacker.stats.atk;
  const sum = atk + target.stats.def;
  let damage = sum > 0 ? (atk * atk) / sum : 0;
  if (isCrit) damage *= attacker.stats.critDamage;
  damage *= MULTIPLIERS[attacker.elementIndex * ELEMENTS.length + target.elementIndex] ?? 1;
  damage *= attacker.stats.vitality / (target.stats.vitality * target.stats.mitigation);
  if (!attacker.isParty) damage *= 1 + enrageStacks * ENRAGE_DAMAGE_PER_STACK;
  damage *= multiplier;
  return Math.max(MIN_HIT_DAMAGE, Math.floor(damage));
}

/** × 1.25 against the element weak to the attacker's, × 0.75 against its own, else × 1. */
export function elementMultiplier(attacker: Element, target: Element): number {
  return MULTIPLIERS[ELEMENTS.indexOf(attacker) * ELEMENTS.length + ELEMENTS.indexOf(target)] ?? 1;
}

/** Every attacker × target pair, precomputed: a hit looks up a number instead of a name. */
const MULTIPLIERS: readonly number[] = ELEMENTS.flatMap((attacker) =>
  ELEMENTS.map((target) => {
    if (WEAK_TO[target] === attacker) return WEAKNESS_MULTIPLIER;
    return attacker === target ? SAME_ELEMENT_MULTIPLIER : 1;
  }),
);
