import type { CombatantView, KindedModifier } from '../hooks.ts';
import type { ModifierKind, StatKey } from '../types.ts';
import { boost } from './modifiers.ts';

/** One stat boost tagged with the kind it stacks within, for `BattleApi.addModifiers`. */
export function kinded(kind: ModifierKind, stat: StatKey, amount: number): KindedModifier {
  return { ...boost(stat, amount), kind };
}

/**
 * True when a hit of `amount` just took `view` from at or above `share` of its max hp to below
 * it. Thresholds fire once per crossing without any stored state.
 */
export function crossedBelow(view: CombatantView, amount: number, share: number): boolean {
  const line = view.maxHp * share;
  return view.isAlive && view.hp < line && view.hp + amount >= line;
}

/** The living ally with the lowest share of its max hp (`of` included), or undefined. */
export function weakestAlly(
  allies: readonly CombatantView[],
): CombatantView | undefined {
  let weakest: CombatantView | undefined;
  for (const ally of allies) {
    if (!weakest || ally.hp / ally.maxHp < weakest.hp / weakest.maxHp) weakest = ally;
  }
  return weakest;
}
