import { MAX_EFFECT_STACKS_PER_HIT, ULTIMATE_CHARGES_READY } from '../core/balance/battle.ts';
import type { BattleSim } from './BattleSim.ts';
import { hitDamage } from './damage.ts';
import { darkDrain, hitTwist, lightHeal, twistMultiplier, useUltimate } from './elements.ts';
import type { Fighter } from './Fighter.ts';
import { DARK_DRAIN_HP_SHARE } from '../core/balance/battle.ts';

/** The body of an action after effects ticked: regain, then ultimate, heal or attack. */
export function takeAction(sim: BattleSim, actor: Fighter): void {
  const stats = actor.stats;
  if (stats.regain > 0) {
    sim.heal(actor, actor, actor.maxHp * stats.regain * stats.vitality, 'regain');
  }
  if (actor.ultimateCharge >= ULTIMATE_CHARGES_READY) {
    actor.ultimateCharge = 0;
    useUltimate(sim, actor);
    return;
  }
  if (actor.element === 'Light' && lightHeal(sim, actor)) return;

  const target = pickTarget(sim, actor);
  if (target === null) return;
  sim.record.acted(actor.index, 'attack', target.index);
  if (actor.element === 'Dark') darkDrain(sim, actor, DARK_DRAIN_HP_SHARE);
  strike(sim, actor, target, 1, true);
}

/** A living opponent of `attacker`, chosen with probability proportional to its aggro. */
export function pickTarget(sim: BattleSim, attacker: Fighter): Fighter | null {
  const opponents = attacker.isParty ? 1 : 0;
  const count = sim.aliveOn(opponents);
  if (count === 0) return null;
  const total = sim.aggroOn(opponents);

  const roll = sim.rng.float();
  let remaining = total > 0 ? roll * total : Math.floor(roll * count);
  let last: Fighter | null = null;
  for (const fighter of sim.fighters) {
    if (!fighter.isAlive || fighter.side === attacker.side) continue;
    last = fighter;
    remaining -= total > 0 ? fighter.stats.aggro : 1;
    if (remaining < 0) return fighter;
  }
  return last;
}

/**
 * One hit: dodge roll, crit roll, the damage formula, on-hit hooks, the attacker's damage over
 * time and (for normal attacks) its element's twist. Returns the damage dealt (0 if dodged).
 */
export function strike(
  sim: BattleSim,
  attacker: Fighter,
  target: Fighter,
  multiplier: number,
  withTwist: boolean,
): number {
  if (sim.rng.float() < target.stats.dodge) {
    sim.record.dodged(attacker.index, target.index);
    return 0;
  }
  const isCrit = sim.rng.float() < attacker.stats.critRate;
  const scale = multiplier * twistMultiplier(attacker);
  const amount = hitDamage(attacker, target, scale, isCrit, sim.enrageStacks);
  sim.dealDamage(attacker, target, amount, 'hit', isCrit);
  inflict(sim, attacker, target, amount);
  if (withTwist) hitTwist(sim, attacker, target, amount);
  return amount;
}

/**
 * Rolls the attacker's damage over time onto the target: the chance is hit rate minus
 * resistance; each whole unit of chance lands one sure stack and the fraction one more.
 */
export function inflict(sim: BattleSim, attacker: Fighter, target: Fighter, hit: number): void {
  const effect = attacker.dot ?? (attacker.dot = sim.effects.dotOf(attacker.element));
  if (effect === null || !target.isAlive) return;
  const chance = attacker.stats.effectHitRate - target.stats.effectResistance;
  if (chance <= 0) return;

  let stacks = Math.floor(chance);
  const fraction = chance - stacks;
  if (fraction > 0 && sim.rng.float() < fraction) stacks++;
  if (stacks === 0) {
    sim.record.effectResisted(attacker.index, target.index, effect.logId);
    return;
  }
  const perTick = Math.max(1, Math.floor(hit * effect.tickShare));
  sim.addStacks(attacker, target, effect, perTick, Math.min(stacks, MAX_EFFECT_STACKS_PER_HIT));
}
