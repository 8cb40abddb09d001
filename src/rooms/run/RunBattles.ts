import { createBattle, validateBattleConfig } from '../../battle/index.ts';
import type { Logger } from '../../core/logger.ts';
import type { RunRecord } from '../../services/run/RunRecord.ts';
import * as rules from '../../services/run/RunRules.ts';
import { BattleDriver } from './BattleDriver.ts';
import { RUN_NOTICES } from './messages.ts';
import type { PartySpecs } from './PartySpecs.ts';
import type { RunPersistence } from './RunPersistence.ts';
import type { RunRewards } from './RunRewards.ts';
import type { RunRoomDeps } from './RunRoomDeps.ts';
import type { RunHost } from './RunSession.ts';
import { planBattle, settleBattle, type PlannedBattle } from './runBattle.ts';
import type { VoteBox } from './VoteBox.ts';

/** What settling a battle uses from the session that owns the run. */
export interface BattleSettlement {
  readonly rewards: RunRewards;
  readonly votes: VoteBox;
  /** The session's logger, bound to the run once the run is loaded or created. */
  log(): Logger;
  /** The run's saver; there is none until the run is loaded or created. */
  persistence(): RunPersistence | undefined;
  /** Mirrors the run into the room state and saves it. */
  changed(): void;
}

/**
 * The room's battles: starts the battle of a battle room, plays it at the room's pacing, and
 * settles it into the run, rewards included, when it ends.
 */
export class RunBattles {
  readonly #host: RunHost;
  readonly #deps: RunRoomDeps;
  readonly #specs: PartySpecs;
  readonly #session: BattleSettlement;
  #driver: BattleDriver | undefined;

  constructor(host: RunHost, deps: RunRoomDeps, specs: PartySpecs, session: BattleSettlement) {
    this.#host = host;
    this.#deps = deps;
    this.#specs = specs;
    this.#session = session;
  }

  /** Tells whether a battle is being played. */
  get isPlaying(): boolean {
    return this.#driver !== undefined;
  }

  /** Starts and announces the battle of the run's current room. */
  start(run: RunRecord): void {
    const kind = rules.roomKindAt(run);
    if (kind !== 'weak' && kind !== 'normal' && kind !== 'boss') {
      throw new Error(`Run "${run.id}" is in a battle phase in a "${kind}" room`);
    }
    const planned = planBattle(run, kind, this.#specs, this.#deps.registry);
    const check = validateBattleConfig(planned.config, this.#deps.content);
    if (!check.ok) throw new Error(check.message);

    const battle = createBattle(check.config, this.#deps.content);
    const schedule = (callback: () => void, ms: number) => {
      const timer = this.#host.clock.setInterval(callback, ms);
      return () => timer.clear();
    };
    this.#driver = new BattleDriver(battle, this.#host.state.battle, schedule, () =>
      this.#end(run, planned),
    );
    this.#host.state.battle.isBoss = kind === 'boss';
    this.#host.broadcast(RUN_NOTICES.battleStarted, {
      floor: run.floor,
      roomIndex: run.roomIndex,
      isBoss: kind === 'boss',
      foes: planned.config.foes.map((foe) => foe.name),
    });
    this.#driver.play(this.#pacingMs());
  }

  /** Sets the room's speed; a battle in play goes on at the new pacing. */
  setSpeed(speed: number): void {
    this.#host.state.speed = speed;
    this.#driver?.play(this.#pacingMs());
  }

  /** Plays the rest of the battle at once; it then settles as usual. */
  skipToEnd(): void {
    this.#driver?.skipToEnd();
  }

  /** Stops pacing the battle (the room is closing). */
  stop(): void {
    this.#driver?.stop();
  }

  /** Stops the battle and drops it unsettled (the run has ended). */
  cancel(): void {
    this.#driver?.stop();
    this.#driver = undefined;
  }

  /** Takes the room's loot into the run and grants it to the members who earned it. */
  collectLoot(run: RunRecord): void {
    const loot = rules.collectLoot(run);
    const persistence = this.#session.persistence();
    if (persistence) this.#session.rewards.grantLoot(run, loot, persistence, this.#session.log());
  }

  #end(run: RunRecord, planned: PlannedBattle): void {
    const battle = this.#driver?.battle;
    this.#driver = undefined;
    if (!battle) return;
    const spoils = settleBattle(run, planned, battle);
    const isBoss = planned.config.isBossRoom;
    const floor = run.floor;
    const roomIndex = run.roomIndex;

    const { rewards, votes } = this.#session;
    const persistence = this.#session.persistence();
    const log = this.#session.log();
    if (persistence) {
      const onGranted = () => this.#session.changed();
      void rewards.grantExp(run, spoils.expBySlot, persistence, log, onGranted);
    }
    void rewards.record(run, planned, battle, log);
    rules.finishBattle(
      run,
      { isVictory: battle.outcome === 'victory', isBoss, foesDefeated: spoils.foesDefeated },
      this.#deps.registry,
      spoils.ownerIds,
    );
    votes.clear();
    this.#host.broadcast(RUN_NOTICES.battleEnded, {
      outcome: battle.outcome,
      actions: battle.actionCount,
      digest: battle.digest(),
      floor,
      roomIndex,
    });
    if (battle.outcome === 'victory' && isBoss) {
      this.#host.broadcast(RUN_NOTICES.floorCleared, { floor });
    }
    if (run.status !== 'active') this.#host.broadcast(RUN_NOTICES.runEnded, { result: run.result });
    this.#session.changed();
    // Everything above read the log synchronously; later battles may reuse its memory.
    battle.release();
  }

  #pacingMs(): number {
    return this.#deps.config.BATTLE_PACING_MS / Math.max(1, this.#host.state.speed);
  }
}
