import type { Battle, BattleEvent, CombatantView } from '../../battle/types.ts';
import { countBattleActions } from '../../metrics/battleActions.ts';
import { Combatant, type BattleView } from '../../state/RunState.ts';
import { assignIfChanged } from './assignIfChanged.ts';

/** Schedules a repeating callback and returns its cancel function (the room clock in a room). */
export type IntervalScheduler = (callback: () => void, intervalMs: number) => () => void;

/** The key of a combatant in `BattleView.combatants`: `p0`–`p4` for the party, `f0`–`f4` foes. */
export function combatantKey(view: Pick<CombatantView, 'side' | 'slot'>): string {
  return `${view.side === 'party' ? 'p' : 'f'}${view.slot}`;
}

/**
 * Plays a battle at the room's pacing: one simulated action per interval, mirrored field by field
 * into the schema so clients receive small diffs. Calls `onEnded` once, after the last action.
 */
export class BattleDriver {
  readonly #battle: Battle;
  readonly #view: BattleView;
  readonly #schedule: IntervalScheduler;
  readonly #onEnded: () => void;
  #cancelPacing: (() => void) | undefined;
  #isEndAnnounced = false;

  constructor(battle: Battle, view: BattleView, schedule: IntervalScheduler, onEnded: () => void) {
    this.#battle = battle;
    this.#view = view;
    this.#schedule = schedule;
    this.#onEnded = onEnded;
    this.#populateView();
  }

  get battle(): Battle {
    return this.#battle;
  }

  /** Starts (or restarts at a new speed) the pacing; an interval of 0 plays to the end now. */
  play(intervalMs: number): void {
    this.stop();
    if (intervalMs <= 0) return this.skipToEnd();
    this.#cancelPacing = this.#schedule(() => this.#stepOnce(), intervalMs);
  }

  /** Plays every remaining action at once and mirrors the final state. */
  skipToEnd(): void {
    this.stop();
    const actionsBefore = this.#battle.actionCount;
    this.#battle.runToEnd();
    countBattleActions(this.#battle.actionCount - actionsBefore);
    this.#mirror(undefined);
    this.#announceEnd();
  }

  stop(): void {
    this.#cancelPacing?.();
    this.#cancelPacing = undefined;
  }

  #stepOnce(): void {
    const actionsBefore = this.#battle.actionCount;
    const events = this.#battle.step();
    countBattleActions(this.#battle.actionCount - actionsBefore);
    this.#mirror(events);
    if (this.#battle.isOver) this.#announceEnd();
  }

  #announceEnd(): void {
    if (this.#isEndAnnounced) return;
    this.#isEndAnnounced = true;
    this.stop();
    this.#onEnded();
  }

  #populateView(): void {
    this.#view.combatants.clear();
    for (const fighter of this.#battle.combatants) {
      this.#view.combatants.set(combatantKey(fighter), new Combatant({
        side: fighter.side,
        slot: fighter.slot,
        id: fighter.id,
        name: fighter.name,
        element: fighter.element,
      }));
    }
    this.#view.isActive = true;
    this.#view.outcome = '';
    this.#mirror(undefined);
  }

  #mirror(events: readonly BattleEvent[] | undefined): void {
    for (const fighter of this.#battle.combatants) {
      const shown = this.#view.combatants.get(combatantKey(fighter));
      if (shown) mirrorCombatant(shown, fighter);
    }
    assignIfChanged(this.#view, 'actionCount', this.#battle.actionCount);
    assignIfChanged(this.#view, 'enrageStacks', this.#battle.enrageStacks);
    if (events) this.#mirrorLastHit(events);
    if (this.#battle.isOver) {
      this.#view.outcome = this.#battle.outcome ?? '';
      this.#view.isActive = false;
    }
  }

  #mirrorLastHit(events: readonly BattleEvent[]): void {
    const acted = events.find((event) => event.type === 'acted');
    const hit = events.find((event) => event.type === 'damaged' || event.type === 'healed');
    const fighters = this.#battle.combatants;
    if (acted) {
      this.#view.lastActorKey = keyAt(fighters, acted.actor);
      this.#view.lastTargetKey = keyAt(fighters, acted.target);
      this.#view.lastKind = acted.kind;
    }
    this.#view.lastAmount = hit ? hit.amount : 0;
  }
}

function keyAt(fighters: readonly CombatantView[], index: number): string {
  const fighter = fighters[index];
  return fighter ? combatantKey(fighter) : '';
}

function mirrorCombatant(shown: Combatant, fighter: CombatantView): void {
  assignIfChanged(shown, 'hp', Math.max(0, Math.round(fighter.hp)));
  assignIfChanged(shown, 'maxHp', Math.round(fighter.maxHp));
  assignIfChanged(shown, 'shield', Math.round(fighter.shield));
  assignIfChanged(shown, 'ultimateCharge', fighter.ultimateCharge);
  assignIfChanged(shown, 'effectStacks', fighter.effectStacks);
  assignIfChanged(shown, 'isAlive', fighter.isAlive);
}
