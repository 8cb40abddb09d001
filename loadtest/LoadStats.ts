import hdr from 'hdr-histogram-js';

/** Microsecond histograms up to ten minutes, three significant digits. */
const HIGHEST_US = 600_000_000;
const MAX_FAILURE_SAMPLES = 5;

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

type Histogram = ReturnType<typeof hdr.build>;

function newHistogram(): Histogram {
  return hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: HIGHEST_US,
    numberOfSignificantValueDigits: 3,
  });
}

/** A latency histogram in milliseconds (recorded in microseconds). */
export class Latency {
  readonly #histogram = newHistogram();

  record(ms: number): void {
    const us = Math.round(ms * 1000);
    this.#histogram.recordValue(Math.min(HIGHEST_US, Math.max(1, us)));
  }

  /** Times a promise and records its duration when it resolves. */
  async time<T>(work: Promise<T>): Promise<T> {
    const startedAt = performance.now();
    const result = await work;
    this.record(performance.now() - startedAt);
    return result;
  }

  get count(): number {
    return this.#histogram.totalCount;
  }

  summary(): LatencySummary {
    const histogram = this.#histogram;
    const at = (percentile: number) => round(histogram.getValueAtPercentile(percentile) / 1000);
    if (this.count === 0) return { count: 0, p50: 0, p95: 0, p99: 0, max: 0 };
    return {
      count: this.count,
      p50: at(50),
      p95: at(95),
      p99: at(99),
      max: round(this.#histogram.maxValue / 1000),
    };
  }
}

/** Everything the bots measure, shared by all bots of one load test. */
export class LoadStats {
  readonly join = new Latency();
  readonly request = new Latency();
  readonly http = new Latency();
  readonly reconnect = new Latency();
  readonly errors = new Map<string, number>();
  readonly connectedBots = new Set<string>();
  readonly failedBots = new Set<string>();
  /** The first few failure messages, to say what went wrong beside the codes. */
  readonly failureSamples: string[] = [];
  signedUp = 0;
  patches = 0;
  bytesReceived = 0;
  battlesFinished = 0;
  roomsEntered = 0;
  drops = 0;
  spectators = 0;
  /** Clients connected to a room right now (sum over bots). */
  openClients = 0;
  /** Client-seconds of room connections, for per-client rates. */
  #clientMs = 0;
  #lastTickAt = performance.now();

  /** Records one error under its code; the bot, when given, counts as failed. */
  fail(code: string, botName?: string): void {
    this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
    if (botName) this.failedBots.add(botName);
  }

  /** Keeps the message of one of the first failures. */
  noteFailure(error: unknown): void {
    if (this.failureSamples.length >= MAX_FAILURE_SAMPLES) return;
    this.failureSamples.push(error instanceof Error ? error.message : String(error));
  }

  get errorCount(): number {
    let total = 0;
    for (const count of this.errors.values()) total += count;
    return total;
  }

  clientOpened(): void {
    this.#accrue();
    this.openClients += 1;
  }

  clientClosed(): void {
    this.#accrue();
    this.openClients -= 1;
  }

  /** Connected client-seconds so far. */
  clientSeconds(): number {
    this.#accrue();
    return this.#clientMs / 1000;
  }

  #accrue(): void {
    const now = performance.now();
    this.#clientMs += this.openClients * (now - this.#lastTickAt);
    this.#lastTickAt = now;
  }
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
