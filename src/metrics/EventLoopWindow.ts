import { createHistogram, monitorEventLoopDelay, type RecordableHistogram } from 'node:perf_hooks';

/** How often the live monitor is drained into the window, and the window's slices. */
const DRAIN_MS = 1_000;
const SLICE_MS = 10_000;
const SLICES = 6;
const RESOLUTION_MS = 10;

export interface DelaySummary {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  samples: number;
}

/**
 * Event-loop delay over the last minute, from `perf_hooks.monitorEventLoopDelay`. The monitor
 * cannot be merged into other histograms, so once a second its percentile table is replayed
 * into the current 10-second slice and the monitor is reset; a summary merges the six slices.
 * Known limitation: the replay keeps the percentile table's resolution (exact max, close p99).
 */
export class EventLoopWindow {
  readonly #monitor = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  readonly #slices: RecordableHistogram[] = [createHistogram()];
  readonly #timer: NodeJS.Timeout;
  #sliceStartedAt = performance.now();

  constructor() {
    this.#monitor.enable();
    this.#timer = setInterval(() => this.#drain(), DRAIN_MS).unref();
  }

  /** Percentiles over the window, the last second included. */
  summary(): DelaySummary {
    this.#drain();
    const merged = createHistogram();
    for (const slice of this.#slices) merged.add(slice);
    if (merged.count === 0) return { p50Ms: 0, p99Ms: 0, maxMs: 0, samples: 0 };
    return {
      p50Ms: merged.percentile(50) / 1e6,
      p99Ms: merged.percentile(99) / 1e6,
      maxMs: merged.max / 1e6,
      samples: merged.count,
    };
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#monitor.disable();
  }

  #drain(): void {
    const current = this.#slices[this.#slices.length - 1];
    const count = this.#monitor.count;
    if (current && count > 0) replay(this.#monitor.percentiles, count, current);
    this.#monitor.reset();
    if (performance.now() - this.#sliceStartedAt < SLICE_MS) return;
    this.#sliceStartedAt = performance.now();
    this.#slices.push(createHistogram());
    if (this.#slices.length > SLICES) this.#slices.shift();
  }
}

/**
 * Records `count` samples spread over a percentile table (percentile → nanoseconds). The
 * monitor measures the interval between its timer's runs, so the resolution is taken off to
 * leave the delay.
 */
function replay(table: Map<number, number>, count: number, into: RecordableHistogram): void {
  const rows = [...table].sort((a, b) => a[0] - b[0]);
  let recorded = 0;
  rows.forEach(([percentile, valueNs], index) => {
    const isLast = index === rows.length - 1;
    const upTo = isLast ? count : Math.round((count * percentile) / 100);
    const value = Math.max(1, Math.round(valueNs - RESOLUTION_MS * 1e6));
    for (; recorded < upTo; recorded += 1) into.record(value);
  });
}
