import type { Room } from '@colyseus/sdk';

/** The decoded `run` room state, as far as a player reads it. */
export interface RunView {
  runId: string;
  phase: string;
  result: string;
  floor: number;
  roomIndex: number;
  roomsCleared: number;
  gold: number;
  speed: number;
  roomKinds: ArrayLike<string>;
  cards: { toArray(): string[]; length: number };
  relics: { forEach(cb: (count: number, id: string) => void): void };
  party: { forEach(cb: (member: PartyMemberView, key: string) => void): void };
  reward: { stage: string; options: { toArray(): string[] } };
  shop: { forEach(cb: (item: ShopItemView, key: string) => void): void };
  battle: { isActive: boolean; outcome: string; actionCount: number };
}

export interface PartyMemberView {
  ownerId: string;
  characterId: string;
  hp: number;
  maxHp: number;
  level: number;
}

export interface ShopItemView {
  itemId: string;
  kind: string;
  pluginId: string;
  price: number;
  isSold: boolean;
}

/** A command the room refused, with its code. */
export class CommandRejectedError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'CommandRejectedError';
    this.code = code;
  }
}

const DEFAULT_WAIT_MS = 15_000;
/** Below the server's default COMMANDS_PER_S (50), with room for delivery jitter. */
const DEFAULT_COMMANDS_PER_S = 40;
/**
 * The server counts commands per second as they arrive; counting over a longer window here
 * keeps uneven delivery delays from squeezing more than the limit into one of its seconds.
 */
const RATE_WINDOW_MS = 1_250;

export interface RunPlayerOptions {
  /** Deadline of each command and wait, in milliseconds. */
  waitMs?: number;
  /**
   * Commands sent per second at most (counted over RATE_WINDOW_MS); a command past it waits
   * for a free slot, so a fast scripted player is not refused with RATE_LIMITED. `Infinity`
   * turns pacing off.
   */
  commandsPerS?: number;
}

/**
 * Plays a run room the way a player would: sends commands as requests and waits for the state
 * that proves their outcome, each wait under a deadline.
 */
export class RunPlayer {
  readonly room: Room;
  readonly #waitMs: number;
  readonly #commandsPerS: number;
  /** When the commands of the last second were sent, oldest first. */
  readonly #sentAtMs: number[] = [];

  constructor(room: Room, options: RunPlayerOptions = {}) {
    this.room = room;
    this.#waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
    this.#commandsPerS = options.commandsPerS ?? DEFAULT_COMMANDS_PER_S;
    // Notices are optional for a player; a catch-all keeps the SDK from warning about them.
    room.onMessage('*', () => {});
  }

  get state(): RunView {
    return this.room.state as RunView;
  }

  /** Resolves once the first full state has arrived. */
  ready(): Promise<RunView> {
    return this.waitFor((state) => Boolean(state.runId), 'the run state');
  }

  /** Sends a command and resolves with the room's answer; a refusal throws with its code. */
  async command(type: string, payload?: unknown): Promise<unknown> {
    await this.#sendSlot();
    try {
      return await this.room.request(type, payload, { timeout: this.#waitMs });
    } catch (error) {
      const reason = (error as { reason?: { code?: string; message?: string } }).reason;
      if (reason?.code) throw new CommandRejectedError(reason.code, reason.message ?? '');
      throw error;
    }
  }

  /**
   * Resolves once `predicate` holds for the state (now or after a later patch); rejects at the
   * deadline or once the room is left for good.
   */
  waitFor(predicate: (state: RunView) => boolean, what: string, waitMs = this.#waitMs) {
    return new Promise<RunView>((resolve, reject) => {
      if (this.room.state && predicate(this.state)) return resolve(this.state);
      const onChange = () => {
        if (!predicate(this.state)) return;
        stop();
        resolve(this.state);
      };
      const stop = this.#untilDeadlineOrLeave(waitMs, what, reject, () => {
        this.room.onStateChange.remove(onChange);
      });
      this.room.onStateChange(onChange);
    });
  }

  /**
   * Resolves with the first message of `type` the room sends from now on; rejects at the
   * deadline or once the room is left for good.
   */
  nextMessage<T = unknown>(type: string, waitMs = this.#waitMs): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const unbind = this.room.onMessage(type, (payload: T) => {
        stop();
        resolve(payload);
      });
      const stop = this.#untilDeadlineOrLeave(waitMs, `message "${type}"`, reject, unbind);
    });
  }

  /**
   * Enters the next room and plays it to its end: battles are skipped to their result (or
   * watched at pacing), rewards are claimed in order, and a shop sells its cheapest item.
   * Returns the kind of room played.
   */
  async playRoom(options: { skipBattles?: boolean } = {}): Promise<string> {
    const before = { floor: this.state.floor, roomIndex: this.state.roomIndex };
    await this.command('advance');
    await this.waitFor(
      (s) => s.floor !== before.floor || s.roomIndex !== before.roomIndex,
      'the next room',
    );
    const kind = this.state.roomKinds[this.state.roomIndex] ?? 'unknown';
    if (this.state.phase === 'battle') await this.#finishBattle(options.skipBattles ?? true);
    if (this.state.phase === 'reward') await this.claimRewards();
    if (this.state.phase === 'shop') await this.#shop();
    return kind;
  }

  /** Takes the first offered card and relic, then the loot. */
  async claimRewards(): Promise<void> {
    while (this.state.phase === 'reward') {
      const stage = this.state.reward.stage;
      const firstOption = this.state.reward.options.toArray()[0];
      if (stage === 'card') await this.command('pickCard', { cardId: firstOption });
      else if (stage === 'relic') await this.command('pickRelic', { relicId: firstOption });
      else await this.command('collectLoot');
      await this.waitFor((s) => s.phase !== 'reward' || s.reward.stage !== stage, 'next reward');
    }
  }

  /**
   * Rejects a wait at its deadline or when the room is left, whichever comes first, after
   * `release`; returns the function that ends the wait early (it runs `release` too).
   */
  #untilDeadlineOrLeave(
    waitMs: number,
    what: string,
    reject: (error: Error) => void,
    release: () => void,
  ): () => void {
    const stop = () => {
      clearTimeout(timer);
      this.room.onLeave.remove(onLeft);
      release();
    };
    const onLeft = (code: number) => {
      stop();
      reject(new Error(`Left the room (close code ${code}) while waiting for ${what}`));
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`Timed out after ${waitMs} ms waiting for ${what}`));
    }, waitMs);
    this.room.onLeave(onLeft);
    return stop;
  }

  /** Resolves once a command can go out without passing `commandsPerS` in any one second. */
  async #sendSlot(): Promise<void> {
    for (;;) {
      const nowMs = performance.now();
      while (nowMs - (this.#sentAtMs[0] ?? nowMs) >= RATE_WINDOW_MS) this.#sentAtMs.shift();
      if (this.#sentAtMs.length < this.#commandsPerS) {
        this.#sentAtMs.push(nowMs);
        return;
      }
      const oldestMs = this.#sentAtMs[0] ?? nowMs;
      await new Promise((resolve) => setTimeout(resolve, oldestMs + RATE_WINDOW_MS - nowMs));
    }
  }

  async #finishBattle(skip: boolean): Promise<void> {
    if (skip) await this.#skipBattle();
    await this.waitFor((s) => s.phase !== 'battle', 'the battle to end', this.#waitMs * 20);
  }

  /** Skips to the result; a battle that ended on its own before the skip arrived is fine. */
  async #skipBattle(): Promise<void> {
    try {
      await this.command('skipBattle');
    } catch (error) {
      const isAlreadyOver = error instanceof CommandRejectedError &&
        (error.code === 'WRONG_PHASE' || error.code === 'CHOICE_PENDING');
      if (!isAlreadyOver) throw error;
    }
  }

  async #shop(): Promise<void> {
    let cheapest: ShopItemView | undefined;
    this.state.shop.forEach((item) => {
      if (!item.isSold && (!cheapest || item.price < cheapest.price)) cheapest = item;
    });
    if (!cheapest || cheapest.price > this.state.gold) return;
    const goldBefore = this.state.gold;
    await this.command('buy', { itemId: cheapest.itemId });
    await this.waitFor((s) => s.gold !== goldBefore, 'the purchase');
  }
}
