/**
 * Hook interfaces through which the battle simulator reaches plugins (passives, cards, relics,
 * damage types). The simulator owns every object passed here; plugins read the views and act only
 * through `BattleApi`, whose every roll comes from the battle's seeded generator, so a battle with
 * plugins still replays from its seed.
 */
import type { Element, ModifierKind, StatModifier, Stats } from './types.ts';

/** The two sides of a battle; the party always comes first. */
export const SIDES = ['party', 'foes'] as const;
export type Side = (typeof SIDES)[number];

/** A stat modifier tagged with the source kind it stacks within. */
export type KindedModifier = StatModifier & { kind: ModifierKind };

/**
 * A live, read-only view of one combatant. The same object stays valid for the whole battle and
 * always shows current values, so holding it is cheap and safe.
 */
export interface CombatantView {
  /** Position in `BattleApi.combatants` and in event fields; party first, then foes. */
  readonly index: number;
  readonly side: Side;
  /** Position within its side, from 0. */
  readonly slot: number;
  readonly id: string;
  readonly name: string;
  readonly element: Element;
  readonly level: number;
  readonly hp: number;
  readonly maxHp: number;
  readonly shield: number;
  readonly ultimateCharge: number;
  readonly isAlive: boolean;
  /** Damage- and healing-over-time stacks currently carried. */
  readonly effectStacks: number;
  /** Own actions taken so far in this battle. */
  readonly actionCount: number;
  /** Runtime stats: base stats with every modifier applied and clamped. */
  readonly stats: Readonly<Stats>;
}

/**
 * What a hook may do to the battle. Amounts are whole hit points (fractions are floored);
 * healing is reduced by enrage like every other heal. Nothing here throws for a rule outcome:
 * acting on the dead does nothing and returns 0.
 */
export interface BattleApi {
  readonly combatants: readonly CombatantView[];
  /** Actions taken by anyone so far. */
  readonly actionCount: number;
  readonly enrageStacks: number;
  readonly isBossRoom: boolean;
  /** Living allies of `of`, itself included, in slot order. */
  alliesOf(of: CombatantView): CombatantView[];
  /** Living opponents of `of`, in slot order. */
  opponentsOf(of: CombatantView): CombatantView[];
  /** True with probability `p`, drawn from the battle's seeded generator. */
  chance(p: number): boolean;
  /** Deals `amount` straight damage (shields absorb first; no formula); returns hp lost. */
  damage(source: CombatantView | null, target: CombatantView, amount: number): number;
  /** Heals up to max hp; returns hp restored. */
  heal(source: CombatantView | null, target: CombatantView, amount: number): number;
  /** Adds a shield that absorbs damage before hp. */
  shield(target: CombatantView, amount: number): void;
  /**
   * Puts `stacks` stacks of effect `effectId` on `target`, each ticking `perTick` on the
   * target's next actions. Damage effects roll the target's resistance per stack when
   * `canBeResisted`; returns the stacks that landed.
   */
  applyEffect(
    source: CombatantView | null,
    target: CombatantView,
    effectId: string,
    perTick: number,
    stacks?: number,
    canBeResisted?: boolean,
  ): number;
  /** Adds modifiers to `target` for the rest of the battle and recomputes its stats. */
  addModifiers(target: CombatantView, modifiers: readonly KindedModifier[]): void;
  /** Adds (or with a negative count removes) ultimate charges. */
  chargeUltimate(target: CombatantView, charges: number): void;
}

/**
 * What a hook is told. The object is only valid during the call: the simulator may reuse it.
 */
export interface HookContext {
  readonly battle: BattleApi;
  /** The combatant whose passive or element this hook belongs to; null for cards and relics. */
  readonly owner: CombatantView | null;
  /** Who acts, hits or kills; null at battle start. */
  readonly actor: CombatantView | null;
  /** Who is hit, damaged or killed; null when nobody is. */
  readonly target: CombatantView | null;
  /** Hp lost for `onHit` and `onDamageTaken`, 0 otherwise. */
  readonly amount: number;
  /** Copies of the relic held; 1 for everything else. */
  readonly copies: number;
}

/**
 * Optional reactions. Passives and damage types fire for their own combatant (as actor for
 * actions, hits and kills; as target for damage taken); cards and relics fire for every party
 * member. `onBattleStart` fires once per owner (once in all for a card or relic).
 */
export interface BattleHooks {
  onBattleStart?(context: HookContext): void;
  beforeAction?(context: HookContext): void;
  afterAction?(context: HookContext): void;
  onHit?(context: HookContext): void;
  onDamageTaken?(context: HookContext): void;
  onKill?(context: HookContext): void;
  onTurnEnd?(context: HookContext): void;
}

/** Every hook, in the order the simulator indexes them. */
export const HOOK_NAMES = [
  'onBattleStart',
  'beforeAction',
  'afterAction',
  'onHit',
  'onDamageTaken',
  'onKill',
  'onTurnEnd',
] as const satisfies ReadonlyArray<keyof BattleHooks>;
export type HookName = (typeof HOOK_NAMES)[number];
