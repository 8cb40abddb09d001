import {
  ACTION_GAUGE_THRESHOLD,
  ENRAGE_AFTER_PARTY_ACTIONS,
  ENRAGE_AFTER_PARTY_ACTIONS_BOSS,
  ENRAGE_HEALING_CUT_PER_STACK,
  MAX_BATTLE_ACTIONS,
  MAX_HOOK_DEPTH,
  ULTIMATE_CHARGES_READY,
} from '../core/balance/battle.ts';
import type { SeededRng } from '../core/rng.ts';
import type { BattleApi, HookName, KindedModifier } from '../plugins/hooks.ts';
import { takeAction } from './actions.ts';
import { EffectCatalog, type EffectDef } from './EffectCatalog.ts';
import type { Fighter, HookCall } from './Fighter.ts';
import { HookApi } from './HookApi.ts';
import { encodeLog } from './digest.ts';
import { EventLog } from './EventLog.ts';
import { tickEffects } from './ticks.ts';
import type {
  Battle,
  BattleContent,
  BattleEvent,
  DamageCause,
  HealCause,
  Outcome,
} from './types.ts';

const NO_EVENTS: readonly BattleEvent[] = Object.freeze([]);

/** Hook codes (indexes into `HOOK_NAMES` and `Fighter.hooksByName`), so firing reads no names. */
export const HOOK = {
  onBattleStart: 0,
  beforeAction: 1,
  afterAction: 2,
  onHit: 3,
  onDamageTaken: 4,
  onKill: 5,
  onTurnEnd: 6,
} as const satisfies Record<HookName, number>;

/**
 * The simulator's state and its primitive rules (damage, healing, effects, death, hooks). The
 * rules that pick and shape an action live in `actions.ts` and `elements.ts`.
 */
export class BattleSim implements Battle {
  readonly fighters: Fighter[];
  readonly record = new EventLog();
  readonly effects: EffectCatalog;
  readonly isBossRoom: boolean;
  readonly api: BattleApi;
  readonly rng: SeededRng;
  actionCount = 0;
  /** Battle time: each fighter's gauge fills at its spd points per unit. */
  time = 0;
  partyActions = 0;
  enrageStacks = 0;
  isOver = false;
  outcome: Outcome | null = null;
  #current: Fighter | null = null;
  #hookDepth = 0;
  readonly #alive = [0, 0];
  /** Summed aggro of each side's living fighters; recomputed after a death or a stat change. */
  readonly #aggro = [0, 0];
  #isAggroStale = true;
  readonly #enrageAfter: number;

  constructor(fighters: Fighter[], rng: SeededRng, content: BattleContent, isBossRoom: boolean) {
    this.fighters = fighters;
    this.rng = rng;
    this.effects = new EffectCatalog(content, this.record);
    this.isBossRoom = isBossRoom;
    this.#enrageAfter = isBossRoom ? ENRAGE_AFTER_PARTY_ACTIONS_BOSS : ENRAGE_AFTER_PARTY_ACTIONS;
    for (const fighter of fighters) this.#alive[fighter.isParty ? 0 : 1]++;
    this.api = new HookApi(this);
  }

  get combatants(): readonly Fighter[] {
    return this.fighters;
  }

  get healingFactor(): number {
    return Math.max(0, 1 - this.enrageStacks * ENRAGE_HEALING_CUT_PER_STACK);
  }

  get events(): readonly BattleEvent[] {
    return this.record.slice(0);
  }

  step(): readonly BattleEvent[] {
    if (this.isOver) return NO_EVENTS;
    const start = this.record.length;
    this.#advance();
    return this.record.slice(start);
  }

  runToEnd(): Outcome {
    while (!this.isOver) this.#advance();
    return this.outcome as Outcome;
  }

  log(): string {
    return encodeLog(this.events);
  }

  digest(): string {
    return this.record.hash();
  }

  release(): void {
    this.record.release();
  }

  /** Fires every battle-start hook, then ends the battle if a hook already decided it. */
  start(): void {
    for (const fighter of this.fighters) {
      for (const call of fighter.hooksByName[HOOK.onBattleStart] as HookCall[]) {
        if (call.owner === fighter) this.#call(call, null, null, 0);
      }
    }
    const party = this.fighters[0] as Fighter;
    for (const call of party.hooksByName[HOOK.onBattleStart] as HookCall[]) {
      if (call.owner === null) this.#call(call, null, null, 0);
    }
    this.#checkEnd();
  }

  #advance(): void {
    const actor = this.#nextActor();
    this.#countAction(actor);
    this.fire(HOOK.beforeAction, actor, actor, null, 0);
    if (actor.effectStacks > 0) tickEffects(this, actor);
    if (actor.isAlive) {
      takeAction(this, actor);
      this.fire(HOOK.afterAction, actor, actor, null, 0);
      if (actor.ultimateCharge < ULTIMATE_CHARGES_READY) actor.ultimateCharge++;
      if (actor.actionsLeft === 0) this.fire(HOOK.onTurnEnd, actor, actor, null, 0);
    }
    this.#checkEnd();
  }

  /**
   * The fighter still owed actions this turn, else the first to fill its gauge. Gauges are kept
   * as the time each fills (`readyAt`), so finding the next actor is one pass with no writes;
   * strict `<` in index order breaks ties by side, then slot.
   */
  #nextActor(): Fighter {
    const current = this.#current;
    if (current !== null && current.isAlive && current.actionsLeft > 0) return current;
    let best = this.fighters[0] as Fighter;
    let bestTime = Infinity;
    for (const fighter of this.fighters) {
      if (fighter.isAlive && fighter.readyAt < bestTime) {
        bestTime = fighter.readyAt;
        best = fighter;
      }
    }
    this.time = bestTime;
    best.readyAt = bestTime + ACTION_GAUGE_THRESHOLD / best.stats.spd;
    best.actionsLeft = best.actionsPerTurn;
    this.#current = best;
    return best;
  }

  /** Gauge points `fighter` holds now, from 0 (just acted) to the threshold (ready). */
  gaugeOf(fighter: Fighter): number {
    return ACTION_GAUGE_THRESHOLD - (fighter.readyAt - this.time) * fighter.stats.spd;
  }

  /** Sets the gauge, clamped to [−threshold, threshold], keeping the fighter's speed. */
  setGauge(fighter: Fighter, gauge: number): void {
    const clamped = Math.max(-ACTION_GAUGE_THRESHOLD, Math.min(ACTION_GAUGE_THRESHOLD, gauge));
    fighter.readyAt = this.time + (ACTION_GAUGE_THRESHOLD - clamped) / fighter.stats.spd;
  }

  /** Adds modifiers, keeping the gauge's fill when speed changes. */
  addModifiers(fighter: Fighter, modifiers: readonly KindedModifier[]): void {
    const gauge = this.gaugeOf(fighter);
    fighter.addModifiers(modifiers);
    this.setGauge(fighter, gauge);
    this.#isAggroStale = true;
  }

  /** Living fighters on a side (0 party, 1 foes). */
  aliveOn(side: number): number {
    return this.#alive[side] as number;
  }

  /** Summed aggro of a side's living fighters (0 party, 1 foes). */
  aggroOn(side: number): number {
    if (this.#isAggroStale) {
      this.#aggro[0] = 0;
      this.#aggro[1] = 0;
      for (const fighter of this.fighters) {
        if (fighter.isAlive) this.#aggro[fighter.isParty ? 0 : 1] += fighter.stats.aggro;
      }
      this.#isAggroStale = false;
    }
    return this.#aggro[side] as number;
  }

  #countAction(actor: Fighter): void {
    this.actionCount++;
    if (this.partyActions >= this.#enrageAfter) {
      this.enrageStacks++;
      this.record.enraged(this.enrageStacks);
    }
    if (actor.isParty) this.partyActions++;
    actor.actionCount++;
    actor.actionsLeft--;
  }

  #checkEnd(): void {
    if (this.#alive[0] === 0) this.#end('defeat', 'allDown');
    else if (this.#alive[1] === 0) this.#end('victory', 'allDown');
    else if (this.actionCount >= MAX_BATTLE_ACTIONS) this.#end('defeat', 'actionLimit');
  }

  #end(outcome: Outcome, reason: 'allDown' | 'actionLimit'): void {
    this.isOver = true;
    this.outcome = outcome;
    this.record.battleEnded(outcome, this.actionCount, reason);
  }

  /** Takes `amount` off shields then hp; returns hp lost and leaves the kill to the caller. */
  absorb(target: Fighter, amount: number): number {
    let rest = amount;
    if (target.shield > 0) {
      const absorbed = Math.min(target.shield, rest);
      target.shield -= absorbed;
      rest -= absorbed;
    }
    const lost = Math.min(target.hp, rest);
    target.hp -= lost;
    return lost;
  }

  /** Deals finished damage: shields, the event, death or the damage-taken hooks. */
  dealDamage(
    source: Fighter | null,
    target: Fighter,
    amount: number,
    cause: DamageCause,
    isCrit: boolean,
  ): number {
    if (!target.isAlive || amount <= 0) return 0;
    const shieldBefore = target.shield;
    const lost = this.absorb(target, amount);
    const sourceIndex = source === null ? -1 : source.index;
    const absorbed = shieldBefore - target.shield;
    this.record.damaged(sourceIndex, target.index, lost, absorbed, target.hp, isCrit, cause);
    if (cause !== 'hit' || source === null) {
      this.afterLoss(source, target, lost);
      return lost;
    }

    // A strike's hooks run in rule order: damage taken (or death), on hit, then on kill.
    const isKill = target.hp <= 0;
    if (isKill) this.markDead(target, source);
    else if (lost > 0) this.fire(HOOK.onDamageTaken, target, source, target, lost);
    this.fire(HOOK.onHit, source, source, target, lost);
    if (isKill && source.isAlive) this.fire(HOOK.onKill, source, source, target, 0);
    return lost;
  }

  /** Kills a target left at 0 hp, else lets its hooks react to the loss. */
  afterLoss(source: Fighter | null, target: Fighter, lost: number): void {
    if (target.hp <= 0) this.kill(target, source);
    else if (lost > 0) this.fire(HOOK.onDamageTaken, target, source, target, lost);
  }

  /** Heals after enrage's cut; returns hp restored (never above max hp). */
  heal(source: Fighter | null, target: Fighter, amount: number, cause: HealCause): number {
    if (!target.isAlive) return 0;
    const gained = Math.min(target.maxHp - target.hp, Math.floor(amount * this.healingFactor));
    if (gained <= 0) return 0;
    target.hp += gained;
    const sourceIndex = source === null ? -1 : source.index;
    this.record.healed(sourceIndex, target.index, gained, target.hp, cause);
    return gained;
  }

  kill(target: Fighter, killer: Fighter | null): void {
    this.markDead(target, killer);
    if (killer !== null && killer.isAlive) this.fire(HOOK.onKill, killer, killer, target, 0);
  }

  /** Death without the killer's hooks: the event, and nothing left to act or carry effects. */
  markDead(target: Fighter, killer: Fighter | null): void {
    target.isAlive = false;
    target.hp = 0;
    target.shield = 0;
    target.actionsLeft = 0;
    target.clearEffects();
    this.#alive[target.isParty ? 0 : 1]--;
    this.#isAggroStale = true;
    const killerIndex = killer === null ? -1 : killer.index;
    this.record.died(target.index, killerIndex);
  }

  /** Adds `stacks` stacks of an effect; nothing lands on the dead. Returns stacks added. */
  addStacks(
    source: Fighter | null,
    target: Fighter,
    effect: EffectDef,
    perTick: number,
    stacks: number,
  ): number {
    if (!target.isAlive || stacks <= 0 || perTick <= 0) return 0;
    const sourceIndex = source === null ? -1 : source.index;
    const track = target.track(effect);
    track.add(perTick, stacks, target.actionCount, sourceIndex);
    target.effectStacks += stacks;
    this.record.effectApplied(sourceIndex, target.index, effect.logId, stacks, perTick);
    return stacks;
  }

  /** Runs hook `name` for every holder reacting for `fighter`. */
  fire(
    code: number,
    fighter: Fighter,
    actor: Fighter | null,
    target: Fighter | null,
    amount: number,
  ): void {
    const calls = fighter.hooksByName[code] as HookCall[];
    if (calls.length === 0 || this.#hookDepth >= MAX_HOOK_DEPTH) return;
    for (const call of calls) this.#call(call, actor, target, amount);
  }

  #call(call: HookCall, actor: Fighter | null, target: Fighter | null, amount: number): void {
    this.#hookDepth++;
    try {
      const { hooks, owner, copies } = call;
      call.run.call(hooks, { battle: this.api, owner, actor, target, amount, copies });
    } finally {
      this.#hookDepth--;
    }
  }
}
