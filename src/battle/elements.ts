import {
  ACTION_GAUGE_THRESHOLD,
  DARK_MAX_STACKS,
  DARK_STACK_DAMAGE_BONUS,
  DARK_ULTIMATE_DRAIN_HP_SHARE,
  FIRE_MISSING_HP_BONUS,
  FIRE_ULTIMATE_EFFECT_STACKS,
  ICE_GAUGE_PUSHBACK,
  ICE_ULTIMATE_GAUGE_PUSHBACK,
  LIGHT_DANGER_HP_SHARE,
  LIGHT_HEAL_ATK_SHARE,
  LIGHT_ULTIMATE_HEAL_MAX_HP_SHARE,
  LIGHTNING_DETONATE_SHARE,
  LIGHTNING_ULTIMATE_DETONATE_SHARE,
  ULTIMATE_MULTIPLIER,
  WIND_SPLASH_SHARE,
} from '../core/balance/battle.ts';
import { pickTarget, strike } from './actions.ts';
import type { BattleSim } from './BattleSim.ts';
import type { Fighter } from './Fighter.ts';

/** Fire hits harder as its wielder loses hp; Dark grows with every drain. */
export function twistMultiplier(attacker: Fighter): number {
  if (attacker.element === 'Fire') {
    return 1 + FIRE_MISSING_HP_BONUS * (1 - attacker.hp / attacker.maxHp);
  }
  if (attacker.element === 'Dark') return 1 + attacker.darkStacks * DARK_STACK_DAMAGE_BONUS;
  return 1;
}

/** What a normal hit of each element adds: Wind splashes, Lightning detonates, Ice slows. */
export function hitTwist(sim: BattleSim, attacker: Fighter, target: Fighter, hit: number): void {
  switch (attacker.element) {
    case 'Wind':
      splash(sim, attacker, target, Math.floor(hit * WIND_SPLASH_SHARE));
      break;
    case 'Lightning':
      detonate(sim, attacker, target, LIGHTNING_DETONATE_SHARE);
      break;
    case 'Ice':
      slow(sim, target, ICE_GAUGE_PUSHBACK);
      break;
    default:
      break;
  }
}

function splash(sim: BattleSim, attacker: Fighter, target: Fighter, amount: number): void {
  if (amount < 1) return;
  for (const other of sim.fighters) {
    if (other.isAlive && other.side !== attacker.side && other !== target) {
      sim.dealDamage(attacker, other, amount, 'splash', false);
    }
  }
}

function detonate(sim: BattleSim, attacker: Fighter, target: Fighter, share: number): void {
  if (!target.isAlive || target.effectStacks === 0) return;
  const amount = Math.floor(target.dotRemaining() * share);
  if (amount >= 1) sim.dealDamage(attacker, target, amount, 'detonate', false);
}

function slow(sim: BattleSim, target: Fighter, share: number): void {
  if (!target.isAlive) return;
  sim.setGauge(target, sim.gaugeOf(target) - share * ACTION_GAUGE_THRESHOLD);
  sim.record.slowed(target.index, Math.round(sim.gaugeOf(target)));
}

/** Light's twist: heals the weakest ally below the danger line instead of attacking. */
export function lightHeal(sim: BattleSim, healer: Fighter): boolean {
  let weakest: Fighter | null = null;
  let lowest = LIGHT_DANGER_HP_SHARE;
  for (const ally of sim.fighters) {
    if (!ally.isAlive || ally.side !== healer.side) continue;
    const share = ally.hp / ally.maxHp;
    if (share < lowest) {
      lowest = share;
      weakest = ally;
    }
  }
  if (weakest === null) return false;

  sim.record.acted(healer.index, 'heal', weakest.index);
  const amount = healer.stats.atk * LIGHT_HEAL_ATK_SHARE * healer.stats.vitality;
  sim.heal(healer, weakest, amount, 'light');
  leaveHealingOverTime(sim, healer, weakest, amount);
  return true;
}

function leaveHealingOverTime(sim: BattleSim, healer: Fighter, ally: Fighter, heal: number) {
  const effect = healer.hot ?? (healer.hot = sim.effects.hotOf(healer.element));
  if (effect === null) return;
  sim.addStacks(healer, ally, effect, Math.floor(heal * effect.tickShare), 1);
}

/** Dark's twist: takes a share of each other living ally's hp (never the last point). */
export function darkDrain(sim: BattleSim, drinker: Fighter, share: number): void {
  for (const ally of sim.fighters) {
    if (!ally.isAlive || ally.side !== drinker.side || ally === drinker) continue;
    const amount = Math.min(Math.floor(ally.hp * share), ally.hp - 1);
    if (amount < 1) continue;
    ally.hp -= amount;
    sim.record.drained(drinker.index, ally.index, amount, ally.hp);
    if (drinker.darkStacks < DARK_MAX_STACKS) drinker.darkStacks++;
  }
}

/** Every element's ultimate; the charge has already been spent. */
export function useUltimate(sim: BattleSim, actor: Fighter): void {
  sim.record.ultimateUsed(actor.index, actor.element);
  if (actor.element === 'Light') lightUltimate(sim, actor);
  else if (actor.element === 'Ice' || actor.element === 'Wind') areaUltimate(sim, actor);
  else singleUltimate(sim, actor);
}

/** Fire burns, Lightning detonates everything, Dark drains hard, Generic just hits hard. */
function singleUltimate(sim: BattleSim, actor: Fighter): void {
  const target = pickTarget(sim, actor);
  if (target === null) return;
  sim.record.acted(actor.index, 'ultimate', target.index);
  if (actor.element === 'Dark') darkDrain(sim, actor, DARK_ULTIMATE_DRAIN_HP_SHARE);

  const hit = strike(sim, actor, target, ULTIMATE_MULTIPLIER[actor.element], false);
  if (hit === 0) return;
  if (actor.element === 'Fire') burn(sim, actor, target, hit);
  if (actor.element === 'Lightning') {
    detonate(sim, actor, target, LIGHTNING_ULTIMATE_DETONATE_SHARE);
  }
}

function burn(sim: BattleSim, actor: Fighter, target: Fighter, hit: number): void {
  const effect = actor.dot ?? (actor.dot = sim.effects.dotOf(actor.element));
  if (effect === null) return;
  const perTick = Math.max(1, Math.floor(hit * effect.tickShare));
  sim.addStacks(actor, target, effect, perTick, FIRE_ULTIMATE_EFFECT_STACKS);
}

/** Ice and Wind strike every opponent; Ice also throws each one's gauge far back. */
function areaUltimate(sim: BattleSim, actor: Fighter): void {
  sim.record.acted(actor.index, 'ultimate', -1);
  for (const foe of sim.fighters) {
    if (!foe.isAlive || foe.side === actor.side) continue;
    strike(sim, actor, foe, ULTIMATE_MULTIPLIER[actor.element], false);
    if (actor.element === 'Ice') slow(sim, foe, ICE_ULTIMATE_GAUGE_PUSHBACK);
  }
}

/** Light heals every living ally by a share of its max hp and leaves healing over time. */
function lightUltimate(sim: BattleSim, actor: Fighter): void {
  sim.record.acted(actor.index, 'ultimate', -1);
  for (const ally of sim.fighters) {
    if (!ally.isAlive || ally.side !== actor.side) continue;
    const amount = ally.maxHp * LIGHT_ULTIMATE_HEAL_MAX_HP_SHARE * actor.stats.vitality;
    sim.heal(actor, ally, amount, 'ultimate');
    leaveHealingOverTime(sim, actor, ally, amount);
  }
}
