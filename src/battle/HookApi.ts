import { ULTIMATE_CHARGES_READY } from '../core/balance/battle.ts';
import type { BattleApi, CombatantView, KindedModifier } from '../plugins/hooks.ts';
import type { BattleSim } from './BattleSim.ts';
import type { Fighter } from './Fighter.ts';

/** The `BattleApi` plugins receive: a narrow, rule-abiding door into the simulator. */
export class HookApi implements BattleApi {
  readonly #sim: BattleSim;

  constructor(sim: BattleSim) {
    this.#sim = sim;
  }

  get combatants(): readonly CombatantView[] {
    return this.#sim.fighters;
  }

  get actionCount(): number {
    return this.#sim.actionCount;
  }

  get enrageStacks(): number {
    return this.#sim.enrageStacks;
  }

  get isBossRoom(): boolean {
    return this.#sim.isBossRoom;
  }

  alliesOf(of: CombatantView): CombatantView[] {
    return this.#sim.fighters.filter((f) => f.isAlive && f.side === of.side);
  }

  opponentsOf(of: CombatantView): CombatantView[] {
    return this.#sim.fighters.filter((f) => f.isAlive && f.side !== of.side);
  }

  chance(p: number): boolean {
    return this.#sim.rng.float() < p;
  }

  damage(source: CombatantView | null, target: CombatantView, amount: number): number {
    const whole = wholeAmount(amount);
    return this.#sim.dealDamage(this.#source(source), this.#fighter(target), whole, 'hook', false);
  }

  heal(source: CombatantView | null, target: CombatantView, amount: number): number {
    return this.#sim.heal(this.#source(source), this.#fighter(target), wholeAmount(amount), 'hook');
  }

  shield(target: CombatantView, amount: number): void {
    const fighter = this.#fighter(target);
    const whole = wholeAmount(amount);
    if (!fighter.isAlive || whole === 0) return;
    fighter.shield += whole;
    this.#sim.record.shielded(fighter.index, whole, fighter.shield);
  }

  applyEffect(
    source: CombatantView | null,
    target: CombatantView,
    effectId: string,
    perTick: number,
    stacks = 1,
    canBeResisted = true,
  ): number {
    const effect = this.#sim.effects.byId(effectId);
    const fighter = this.#fighter(target);
    if (effect === null || !fighter.isAlive) return 0;
    let landed = Math.max(0, Math.floor(stacks));
    if (canBeResisted && !effect.isHealing) {
      const resistance = fighter.stats.effectResistance;
      for (let i = Math.floor(stacks); i > 0; i--) {
        if (this.#sim.rng.float() < resistance) landed--;
      }
    }
    const from = this.#source(source);
    return this.#sim.addStacks(from, fighter, effect, wholeAmount(perTick), landed);
  }

  addModifiers(target: CombatantView, modifiers: readonly KindedModifier[]): void {
    this.#sim.addModifiers(this.#fighter(target), modifiers);
  }

  chargeUltimate(target: CombatantView, charges: number): void {
    const fighter = this.#fighter(target);
    const charge = Math.floor(fighter.ultimateCharge + charges);
    fighter.ultimateCharge = Math.max(0, Math.min(ULTIMATE_CHARGES_READY, charge));
  }

  #fighter(view: CombatantView): Fighter {
    const fighter = this.#sim.fighters[view.index];
    if (fighter !== view) throw new RangeError('Combatant view belongs to another battle');
    return fighter;
  }

  #source(view: CombatantView | null): Fighter | null {
    return view === null ? null : this.#fighter(view);
  }
}

function wholeAmount(amount: number): number {
  return Number.isFinite(amount) && amount > 0 ? Math.floor(amount) : 0;
}
