import { ERROR_CODES, GameError } from '../../core/errors.ts';

export interface TurnQueueOptions {
  /** Tasks of one key that may be in progress or waiting at once. */
  maxPending: number;
  /** Longest a task waits for its turn before it is given up, unrun. */
  maxWaitMs: number;
  /** What the tasks are, for error messages: "pulls". */
  noun: string;
}

interface Line {
  tail: Promise<void>;
  pending: number;
}

/**
 * Runs the tasks of each key one at a time, in arrival order; tasks of different keys run
 * side by side. Bounded both ways: a full line refuses, and a turn that is too long coming (an
 * earlier task stuck on a database that does not answer) is given up.
 */
export class TurnQueue {
  readonly #options: TurnQueueOptions;
  readonly #lines = new Map<string, Line>();

  constructor(options: TurnQueueOptions) {
    this.#options = options;
  }

  /**
   * Runs `task` once the key's earlier tasks have settled, and settles as it does.
   * @throws GameError RATE_LIMITED when `maxPending` tasks of the key are in progress or
   *   waiting; UNAVAILABLE when the turn did not come within `maxWaitMs` (`task` never runs).
   */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const { maxPending, maxWaitMs, noun } = this.#options;
    const line = this.#lines.get(key) ?? { tail: Promise.resolve(), pending: 0 };
    if (line.pending >= maxPending) {
      const message = `"${key}" already has ${line.pending} ${noun} in progress or waiting`;
      return Promise.reject(new GameError(ERROR_CODES.RATE_LIMITED, `${message}; retry later`, {
        details: { retryAfterS: 1 },
      }));
    }
    line.pending++;
    this.#lines.set(key, line);

    return new Promise<T>((resolve, reject) => {
      let isGivenUp = false;
      const timer = setTimeout(() => {
        isGivenUp = true;
        const message = `"${key}" waited over ${maxWaitMs} ms behind earlier ${noun}; retry`;
        reject(new GameError(ERROR_CODES.UNAVAILABLE, message));
      }, maxWaitMs);
      line.tail = line.tail.then(async () => {
        clearTimeout(timer);
        if (!isGivenUp) await Promise.resolve().then(task).then(resolve, reject);
        line.pending--;
        if (line.pending === 0) this.#lines.delete(key);
      });
    });
  }
}
