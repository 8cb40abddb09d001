/**
 * The simulator's public shapes: what a battle is made from (`BattleConfig`, `BattleContent`),
 * what it tells (`BattleEvent`) and how it is driven (`Battle`).
 */
import type { CombatantView, KindedModifier } from '../plugins/hooks.ts';
import type {
  CardPlugin,
  DamageTypePlugin,
  EffectPlugin,
  Element,
  PassivePlugin,
  RelicPlugin,
  Stats,
} from '../plugins/types.ts';

export type { CombatantView, KindedModifier };

/** One fighter as the room (or a test) describes it. */
export interface CombatantSpec {
  /** Character or foe id; need not be unique across sides. */
  id: string;
  name: string;
  element: Element;
  level: number;
  /** Unset stats take `DEFAULT_STATS`. */
  baseStats: Partial<Stats>;
  /**
   * Every modifier except cards and relics, which the simulator applies from the config. The
   * level bonus is not applied from `level`: builders pass it here (see `levelModifiers`).
   */
  modifiers: KindedModifier[];
  passiveId?: string;
  /** Actions taken each time the gauge fills (default 1). */
  actionsPerTurn?: number;
  /** Current hp carried between rooms; default (and ceiling) is max hp. */
  hp?: number;
}

/** Everything a battle is made from; with the same content it always replays the same. */
export interface BattleConfig {
  /** Unsigned 32-bit seed of the battle's generator. */
  seed: number;
  /** 1–5 party members, slot order. */
  party: CombatantSpec[];
  /** 1–5 foes, slot order. */
  foes: CombatantSpec[];
  /** Cards held by the party: each applies its modifiers and hooks to every member. */
  cardIds: string[];
  /** Relic id → copies held; each copy adds the relic's modifiers again. */
  relicCounts: Record<string, number>;
  isBossRoom: boolean;
}

/** How the simulator reaches content by id; the plugin registry implements it. */
export interface BattleContent {
  passive(id: string): PassivePlugin | undefined;
  effect(id: string): EffectPlugin | undefined;
  card(id: string): CardPlugin | undefined;
  relic(id: string): RelicPlugin | undefined;
  damageType(element: Element): DamageTypePlugin | undefined;
}

/** How a battle ended, for the party. */
export const OUTCOMES = ['victory', 'defeat'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Why something lost hp; `hit` is an action's own strike. */
export const DAMAGE_CAUSES = ['hit', 'splash', 'detonate', 'hook'] as const;
export type DamageCause = (typeof DAMAGE_CAUSES)[number];
/** Why something gained hp (healing over time is reported by `effectTicked`). */
export const HEAL_CAUSES = ['regain', 'light', 'ultimate', 'hook'] as const;
export type HealCause = (typeof HEAL_CAUSES)[number];
/** What an action was: a normal attack, the ultimate, or Light's heal. */
export const ACTION_KINDS = ['attack', 'ultimate', 'heal'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];
/** Why a battle ended: a side fell, or the action limit was reached. */
export const END_REASONS = ['allDown', 'actionLimit'] as const;
export type EndReason = (typeof END_REASONS)[number];

/**
 * Events: small flat objects naming combatants by `index` (see `CombatantView.index`); -1 means
 * no combatant. Fields after `type` always appear in the order written here.
 */
export type BattleEvent =
  | { type: 'acted'; actor: number; kind: ActionKind; target: number }
  | { type: 'ultimateUsed'; actor: number; element: Element }
  | { type: 'dodged'; source: number; target: number }
  | {
      type: 'damaged';
      source: number;
      target: number;
      amount: number;
      absorbed: number;
      hp: number;
      isCrit: boolean;
      cause: DamageCause;
    }
  | { type: 'healed'; source: number; target: number; amount: number; hp: number; cause: HealCause }
  | { type: 'shielded'; target: number; amount: number; shield: number }
  | {
      type: 'effectApplied';
      source: number;
      target: number;
      effectId: string;
      stacks: number;
      perTick: number;
    }
  | { type: 'effectResisted'; source: number; target: number; effectId: string }
  | {
      type: 'effectTicked';
      target: number;
      effectId: string;
      stacks: number;
      amount: number;
      hp: number;
    }
  | { type: 'effectExpired'; target: number; effectId: string; stacks: number }
  | { type: 'slowed'; target: number; gauge: number }
  | { type: 'drained'; source: number; target: number; amount: number; hp: number }
  | { type: 'died'; target: number; killer: number }
  | { type: 'enraged'; stacks: number }
  | { type: 'battleEnded'; outcome: Outcome; actions: number; reason: EndReason };

/** The `type` of every event. */
export type BattleEventType = BattleEvent['type'];

/** A battle being played: the room calls `step()` at its pacing and mirrors what changed. */
export interface Battle {
  readonly isOver: boolean;
  readonly outcome: Outcome | null;
  /** Party first, then foes; the same live objects for the whole battle. */
  readonly combatants: readonly CombatantView[];
  /** Actions taken so far, by anyone. */
  readonly actionCount: number;
  readonly enrageStacks: number;
  /** Every event so far, in order, decoded from the compact log on demand; do not mutate. */
  readonly events: readonly BattleEvent[];
  /** Applies the next action; returns its events (an empty array once the battle is over). */
  step(): readonly BattleEvent[];
  /** Steps until the battle ends; returns the outcome. */
  runToEnd(): Outcome;
  /** The event log as text: one JSON object per line, keys sorted. */
  log(): string;
  /**
   * SHA-256 (hex) of the log's canonical binary encoding (see `EventLog`): identifies the
   * battle and its outcome.
   */
  digest(): string;
  /**
   * Hands the log's memory back for reuse by later battles, once nothing will read this one
   * again: afterwards `events`, `log()` and `digest()` throw. Optional: an unreleased battle is
   * simply collected.
   */
  release(): void;
}
