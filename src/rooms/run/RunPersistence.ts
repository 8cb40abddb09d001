import { isGameError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import type { RewardGrant } from '../../services/PlayerService.ts';
import type { RunRecord } from '../../services/run/RunRecord.ts';
import type { RunRoomDeps } from './RunRoomDeps.ts';

const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 5_000;
const GRANT_ATTEMPTS = 8;

export interface PersistenceEvents {
  /** A save failed and will be retried; the run keeps playing meanwhile. */
  onSaveDelayed(error: unknown): void;
  /** Another writer owns the run now: this room must stop. Called once; no save follows. */
  onLostOwnership(): void;
}

/**
 * Saves the run after every decision, one save at a time; saves requested meanwhile coalesce
 * into the next one. A failed save is retried with backoff until the database answers.
 */
export class RunPersistence {
  readonly #deps: Pick<RunRoomDeps, 'runs' | 'players'>;
  readonly #log: Logger;
  readonly #events: PersistenceEvents;
  #run: RunRecord;
  #isDirty = false;
  #saving: Promise<void> | undefined;
  #isClosed = false;
  /** Another writer saved the run: every later save would be refused too. */
  #isLost = false;

  constructor(
    run: RunRecord,
    deps: Pick<RunRoomDeps, 'runs' | 'players'>,
    log: Logger,
    events: PersistenceEvents,
  ) {
    this.#run = run;
    this.#deps = deps;
    this.#log = log;
    this.#events = events;
  }

  /** Asks for a save of the run as it will be when the save starts; none once it is lost. */
  requestSave(): void {
    if (this.#isLost) return;
    this.#isDirty = true;
    this.#saving ??= this.#saveLoop().finally(() => {
      this.#saving = undefined;
    });
  }

  /** Resolves once every requested save is stored. */
  async flush(): Promise<void> {
    while (this.#saving) await this.#saving;
  }

  /** Stops retrying after the current attempt (the room is going away). */
  close(): void {
    this.#isClosed = true;
  }

  /** Grants a reward to a player, retrying on failure; the key makes retries harmless. */
  async grant(playerId: string, grant: RewardGrant): Promise<boolean> {
    for (let attempt = 0; attempt < GRANT_ATTEMPTS; attempt++) {
      try {
        return (await this.#deps.players.grantRewards(playerId, grant)).applied;
      } catch (error) {
        if (isGameError(error) && error.code !== 'CONFLICT') throw error;
        this.#log.warn({ err: error, playerId, key: grant.key, attempt }, 'grant retried');
        await delay(backoffMs(attempt));
      }
    }
    this.#log.error({ playerId, key: grant.key }, 'grant failed');
    return false;
  }

  async #saveLoop(): Promise<void> {
    let attempt = 0;
    while (this.#isDirty) {
      this.#isDirty = false;
      try {
        this.#run.version = await this.#deps.runs.save(structuredClone(this.#run));
        attempt = 0;
      } catch (error) {
        if (isGameError(error) && error.code === 'CONFLICT') {
          this.#isLost = true;
          return this.#events.onLostOwnership();
        }
        if (this.#isClosed && attempt >= GRANT_ATTEMPTS) {
          this.#log.error({ err: error, runId: this.#run.id }, 'run save abandoned');
          return;
        }
        if (attempt === 0) this.#events.onSaveDelayed(error);
        this.#log.warn({ err: error, runId: this.#run.id, attempt }, 'run save retried');
        this.#isDirty = true;
        await delay(backoffMs(attempt++));
      }
    }
  }
}

function backoffMs(attempt: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** attempt);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
