/**
 * Every battle balance constant (GAME.md §2–§4). Data only: tuning never touches logic, and
 * tests take exact figures from here.
 */
import type { Element, Stats } from '../../plugins/types.ts';

/** Runtime stats a combatant has before any base stat or modifier. */
export const DEFAULT_STATS: Readonly<Stats> = {
  maxHp: 1000,
  atk: 100,
  def: 50,
  spd: 100,
  critRate: 0.05,
  critDamage: 2.0,
  effectHitRate: 1.0,
  effectResistance: 0.05,
  mitigation: 1.0,
  vitality: 1.0,
  dodge: 0.05,
  regain: 0,
  aggro: 1.0,
};

/** Lowest and highest value each stat is clamped to after modifiers. */
export const STAT_BOUNDS: Readonly<Record<keyof Stats, readonly [number, number]>> = {
  maxHp: [1, 1e12],
  atk: [0, 1e9],
  def: [0, 1e9],
  spd: [1, 1e6],
  critRate: [0, 1],
  critDamage: [1, 100],
  effectHitRate: [0, 100],
  effectResistance: [0, 100],
  mitigation: [0.05, 1e3],
  vitality: [0.05, 1e3],
  dodge: [0, 0.75],
  regain: [0, 1],
  aggro: [0, 1e6],
};

/**
 * Diminishing returns on the summed percentage of one modifier kind: up to the knee it counts
 * in full, past it the excess approaches `SPAN` asymptotically (so at most knee + span).
 */
export const DIMINISHING_KNEE_PERCENT = 1.0;
export const DIMINISHING_SPAN_PERCENT = 2.0;

/** Gauge points a combatant needs to act; it gains its spd in points per unit of time. */
export const ACTION_GAUGE_THRESHOLD = 10_000;
export const MAX_ACTIONS_PER_TURN = 5;
export const ULTIMATE_CHARGES_READY = 15;

export const WEAKNESS_MULTIPLIER = 1.25;
export const SAME_ELEMENT_MULTIPLIER = 0.75;
export const MIN_HIT_DAMAGE = 1;

/** Each element takes extra damage from the one listed (Fire↔Ice, Wind↔Lightning, Light↔Dark). */
export const WEAK_TO: Readonly<Partial<Record<Element, Element>>> = {
  Fire: 'Ice',
  Ice: 'Fire',
  Wind: 'Lightning',
  Lightning: 'Wind',
  Light: 'Dark',
  Dark: 'Light',
};

/** Effects: most stacks a single hit may inflict, however high the hit rate. */
export const MAX_EFFECT_STACKS_PER_HIT = 5;
/** Used when the content has no effect plugin for an element. */
export const DEFAULT_EFFECT_TICK_SHARE = 0.1;
export const DEFAULT_EFFECT_DURATION_ACTIONS = 3;

export const ENRAGE_AFTER_PARTY_ACTIONS = 100;
export const ENRAGE_AFTER_PARTY_ACTIONS_BOSS = 500;
export const ENRAGE_DAMAGE_PER_STACK = 0.35;
export const ENRAGE_HEALING_CUT_PER_STACK = 0.35;
/** Hard bound: a battle still running after this many actions ends in defeat. */
export const MAX_BATTLE_ACTIONS = 20_000;
/** Hooks triggered by hooks go at most this deep, so plugins cannot loop forever. */
export const MAX_HOOK_DEPTH = 3;

/** Fire: damage × (1 + bonus × share of own hp missing). */
export const FIRE_MISSING_HP_BONUS = 1.0;
/** Ice: each hit pushes the target's gauge back by this share of the threshold. */
export const ICE_GAUGE_PUSHBACK = 0.15;
/** Wind: this share of each hit also lands on every other living opponent. */
export const WIND_SPLASH_SHARE = 0.25;
/** Lightning: each hit deals this share of the damage still due from the target's DoTs. */
export const LIGHTNING_DETONATE_SHARE = 0.25;
/** Light: heals the weakest ally below this share of max hp instead of attacking. */
export const LIGHT_DANGER_HP_SHARE = 0.4;
export const LIGHT_HEAL_ATK_SHARE = 1.5;
/** Dark: drains this share of each other living ally's current hp on every action. */
export const DARK_DRAIN_HP_SHARE = 0.02;
export const DARK_STACK_DAMAGE_BONUS = 0.04;
export const DARK_MAX_STACKS = 25;

/** Ultimates: damage multipliers and their extras. */
export const ULTIMATE_MULTIPLIER: Readonly<Record<Element, number>> = {
  Fire: 3.0,
  Ice: 1.2,
  Wind: 1.0,
  Lightning: 1.5,
  Light: 0,
  Dark: 2.5,
  Generic: 2.5,
};
export const FIRE_ULTIMATE_EFFECT_STACKS = 3;
export const ICE_ULTIMATE_GAUGE_PUSHBACK = 0.5;
export const LIGHTNING_ULTIMATE_DETONATE_SHARE = 1.0;
export const LIGHT_ULTIMATE_HEAL_MAX_HP_SHARE = 0.25;
export const DARK_ULTIMATE_DRAIN_HP_SHARE = 0.1;

/** Battle exp (GAME.md §2): per foe defeated, `12 × foeLevel + 5 × room`. */
export const EXP_PER_FOE_LEVEL = 12;
export const EXP_PER_ROOM = 5;
