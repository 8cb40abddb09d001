import type { Battle } from '../../battle/types.ts';
import { isGameError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { itemKey } from '../../services/player/items.ts';
import type { PartySlot, RunRecord } from '../../services/run/RunRecord.ts';
import type { CollectedLoot } from '../../services/run/RunRules.ts';
import type { Membership } from './Membership.ts';
import type { PlannedBattle } from './runBattle.ts';
import type { RunPersistence } from './RunPersistence.ts';
import type { RunRoomDeps } from './RunRoomDeps.ts';

/** Tells one player what they were granted. */
export type GrantNotifier = (playerId: string, grant: unknown) => void;

/**
 * Hands out what a room earns: exp after a victory and loot when it is collected, each grant
 * idempotent by a key naming the run, floor and room; and the audit record of each battle.
 */
export class RunRewards {
  readonly #runs: RunRoomDeps['runs'];
  readonly #membership: Membership;
  readonly #notify: GrantNotifier;

  constructor(runs: RunRoomDeps['runs'], membership: Membership, notify: GrantNotifier) {
    this.#runs = runs;
    this.#membership = membership;
    this.#notify = notify;
  }

  /** Grants the collected items and tickets to every member who fought for them. */
  grantLoot(run: RunRecord, loot: CollectedLoot, persistence: RunPersistence, log: Logger): void {
    const key = `${run.id}:${run.floor}:${run.roomIndex}:loot`;
    const items = Object.fromEntries(
      loot.items.map((item) => [itemKey(item.element, item.stars), item.count]),
    );
    for (const playerId of loot.earnerIds) {
      persistence
        .grant(playerId, { key, tickets: loot.tickets, items })
        .then((isApplied) => {
          if (isApplied) this.#notify(playerId, { tickets: loot.tickets, items });
        })
        .catch((error: unknown) => logGrantFailure(log, error, playerId, 'loot grant failed'));
    }
  }

  /** Grants each survivor's exp to its owner; `onGranted` runs after each owner's grant. */
  async grantExp(
    run: RunRecord,
    expBySlot: Map<PartySlot, number>,
    persistence: RunPersistence,
    log: Logger,
    onGranted: () => void,
  ): Promise<void> {
    const key = `${run.id}:${run.floor}:${run.roomIndex}:exp`;
    const byOwner = new Map<string, Record<string, number>>();
    for (const [slot, exp] of expBySlot) {
      byOwner.set(slot.ownerId, { ...byOwner.get(slot.ownerId), [slot.characterId]: exp });
    }
    await Promise.all(
      [...byOwner].map(async ([playerId, characterExp]) => {
        try {
          await this.#membership.grantExp(run, playerId, characterExp, key, persistence);
          this.#notify(playerId, { characterExp });
          onGranted();
        } catch (error) {
          logGrantFailure(log, error, playerId, 'exp grant failed');
        }
      }),
    );
  }

  /** Stores the battle's seed, inputs, outcome and digest for replay and audit. */
  async record(run: RunRecord, planned: PlannedBattle, battle: Battle, log: Logger) {
    await this.#runs
      .recordBattle({
        runId: run.id,
        floor: run.floor,
        roomIndex: run.roomIndex,
        seed: planned.config.seed,
        config: planned.config,
        outcome: battle.outcome ?? 'unfinished',
        actionCount: battle.actionCount,
        digest: battle.digest(),
      })
      .catch((error: unknown) => log.error({ err: error }, 'battle record failed'));
  }
}

/**
 * A refused grant (a balance at its ceiling) is expected and logged with its code; anything else
 * is a failure, logged with its stack.
 */
function logGrantFailure(log: Logger, error: unknown, playerId: string, msg: string): void {
  if (isGameError(error)) log.warn({ code: error.code, playerId }, msg);
  else log.error({ err: error, playerId }, msg);
}
