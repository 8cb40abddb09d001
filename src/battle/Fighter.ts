import { ACTION_GAUGE_THRESHOLD } from '../core/balance/battle.ts';
import { HOOK_NAMES } from '../plugins/hooks.ts';
import type {
  BattleHooks,
  CombatantView,
  HookContext,
  KindedModifier,
  Side,
} from '../plugins/hooks.ts';
import { ELEMENTS, type Element, type Stats } from '../plugins/types.ts';
import type { EffectDef } from './EffectCatalog.ts';
import { EffectTrack } from './EffectTrack.ts';
import { computeStats } from './stats.ts';
import type { CombatantSpec } from './types.ts';

/** One hook holder reacting for a fighter: its passive, its element, or a party card or relic. */
export interface HookEntry {
  readonly hooks: BattleHooks;
  /** The fighter owning the passive or element; null for cards and relics. */
  readonly owner: Fighter | null;
  readonly copies: number;
}

/**
 * One holder's function for one hook, resolved once: firing calls `run` with `hooks` as `this`
 * instead of looking a hook up by name on objects of many shapes.
 */
export interface HookCall extends HookEntry {
  readonly run: (context: HookContext) => void;
}

/**
 * A combatant's live state, kept in flat fields for speed. It is the `CombatantView` handed out
 * to rooms and plugins, so views cost nothing and never go stale.
 */
export class Fighter implements CombatantView {
  readonly index: number;
  readonly side: Side;
  readonly slot: number;
  readonly id: string;
  readonly name: string;
  readonly element: Element;
  readonly elementIndex: number;
  readonly level: number;
  readonly isParty: boolean;
  readonly actionsPerTurn: number;
  hp: number;
  maxHp = 1;
  shield = 0;
  ultimateCharge = 0;
  isAlive = true;
  effectStacks = 0;
  actionCount = 0;
  stats: Stats;
  /** Battle time at which the gauge fills (see `BattleSim.gaugeOf`). */
  readyAt = 0;
  actionsLeft = 0;
  darkStacks = 0;
  readonly effects: EffectTrack[] = [];
  /** `effects` by the effect's log id, so applying a stack does not search by name. */
  readonly #trackByLogId: (EffectTrack | undefined)[] = [];
  /**
   * The damage over time this fighter's hits inflict and its heals' healing over time, looked
   * up on first use (undefined until then) so effect ids are interned in order of first use.
   */
  dot: EffectDef | null | undefined = undefined;
  hot: EffectDef | null | undefined = undefined;
  readonly hookEntries: HookEntry[] = [];
  /** `hookEntries` split by hook (indexed like `HOOK_NAMES`), filled by `indexHooks`. */
  readonly hooksByName: HookCall[][] = [];
  readonly #baseStats: Partial<Stats>;
  readonly #modifiers: KindedModifier[];

  constructor(spec: CombatantSpec, side: Side, slot: number, index: number) {
    this.index = index;
    this.side = side;
    this.slot = slot;
    this.id = spec.id;
    this.name = spec.name;
    this.element = spec.element;
    this.elementIndex = ELEMENTS.indexOf(spec.element);
    this.level = spec.level;
    this.isParty = side === 'party';
    this.actionsPerTurn = spec.actionsPerTurn ?? 1;
    this.#baseStats = spec.baseStats;
    this.#modifiers = spec.modifiers.slice();
    this.stats = computeStats(this.#baseStats, this.#modifiers);
    this.maxHp = Math.floor(this.stats.maxHp);
    this.hp = Math.min(this.maxHp, spec.hp ?? this.maxHp);
    this.readyAt = ACTION_GAUGE_THRESHOLD / this.stats.spd;
  }

  /** Sorts the hook entries by hook, so firing a hook nobody holds costs one array check. */
  indexHooks(): void {
    for (const name of HOOK_NAMES) {
      const calls: HookCall[] = [];
      for (const { hooks, owner, copies } of this.hookEntries) {
        const run = hooks[name];
        if (run !== undefined) calls.push({ hooks, owner, copies, run });
      }
      this.hooksByName.push(calls);
    }
  }

  /** Adds modifiers and recomputes stats; hp keeps its value but never exceeds the new max. */
  addModifiers(modifiers: readonly KindedModifier[]): void {
    for (const modifier of modifiers) this.#modifiers.push(modifier);
    this.stats = computeStats(this.#baseStats, this.#modifiers);
    this.maxHp = Math.max(1, Math.floor(this.stats.maxHp));
    if (this.hp > this.maxHp) this.hp = this.maxHp;
  }

  /** The track of `effect`, created on first use. */
  track(effect: EffectDef): EffectTrack {
    const known = this.#trackByLogId[effect.logId];
    if (known !== undefined) return known;
    const track = new EffectTrack(effect.id, effect.logId, effect.isHealing, effect.duration);
    this.effects.push(track);
    while (this.#trackByLogId.length < effect.logId) this.#trackByLogId.push(undefined);
    this.#trackByLogId[effect.logId] = track;
    return track;
  }

  /** Damage still due from every damage-over-time effect carried. */
  dotRemaining(): number {
    let total = 0;
    for (const track of this.effects) {
      if (!track.isHealing && track.stacks > 0) total += track.remaining(this.actionCount);
    }
    return total;
  }

  clearEffects(): void {
    for (const track of this.effects) track.clear();
    this.effectStacks = 0;
  }
}
