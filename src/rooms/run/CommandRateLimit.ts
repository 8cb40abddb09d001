/** What to do with one incoming command. */
export type RateVerdict = 'allow' | 'reject' | 'drop' | 'ignore';

export interface RateLimitSettings {
  /** Commands per second a client may send; past it, each answers RATE_LIMITED. */
  softPerS: number;
  /** Commands per second that mark a flood; the client is disconnected. */
  hardPerS: number;
}

interface Window {
  startsAtMs: number;
  count: number;
  isDropped: boolean;
}

const WINDOW_MS = 1_000;

/**
 * Counts each client's commands in one-second windows. Rejected commands count too, so a client
 * that ignores RATE_LIMITED answers reaches the hard limit and is dropped, once.
 * Known limitation: fixed windows let a burst straddling two windows reach twice the limit.
 */
export class CommandRateLimit {
  readonly #settings: RateLimitSettings;
  readonly #nowMs: () => number;
  readonly #windows = new Map<string, Window>();

  constructor(settings: RateLimitSettings, nowMs: () => number = () => performance.now()) {
    this.#settings = settings;
    this.#nowMs = nowMs;
  }

  get softPerS(): number {
    return this.#settings.softPerS;
  }

  check(sessionId: string): RateVerdict {
    const window = this.#windowOf(sessionId);
    if (window.isDropped) return 'ignore';

    window.count++;
    if (window.count > this.#settings.hardPerS) {
      window.isDropped = true;
      return 'drop';
    }
    return window.count > this.#settings.softPerS ? 'reject' : 'allow';
  }

  /** Forgets a client that left for good. */
  forget(sessionId: string): void {
    this.#windows.delete(sessionId);
  }

  #windowOf(sessionId: string): Window {
    const nowMs = this.#nowMs();
    const window = this.#windows.get(sessionId);
    if (window && (window.isDropped || nowMs - window.startsAtMs < WINDOW_MS)) return window;

    const fresh = { startsAtMs: nowMs, count: 0, isDropped: false };
    this.#windows.set(sessionId, fresh);
    return fresh;
  }
}
