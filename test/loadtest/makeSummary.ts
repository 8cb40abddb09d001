import type { LatencySummary } from '../../loadtest/LoadStats.ts';
import type { LoadTestSummary } from '../../loadtest/runLoadTest.ts';

const NO_LATENCY: LatencySummary = { count: 0, p50: 0, p95: 0, p99: 0, max: 0 };

/** The summary of a load test where nothing went wrong, with `overrides` applied. */
export function makeSummary(overrides: Partial<LoadTestSummary> = {}): LoadTestSummary {
  return {
    scenario: 'coop',
    pacing: 'watch',
    bots: { requested: 2, connected: 2, failed: 0, spectators: 0 },
    runs: 1,
    signUpS: 1,
    rampS: 1,
    durationS: 5,
    errors: {},
    failureSamples: [],
    joinLatencyMs: NO_LATENCY,
    requestRttMs: NO_LATENCY,
    httpLatencyMs: NO_LATENCY,
    reconnectMs: NO_LATENCY,
    drops: 0,
    roomsEntered: 1,
    battlesFinished: 0,
    patchesPerSec: 2,
    patchesPerClientPerSec: 1,
    bytesPerClientPerSec: 100,
    server: {
      eventLoopDelayMs: { p50: 0.1, p99: 1, max: 5, windowS: 60 },
      cpuPercent: 3,
      eventLoopUtilisationPercent: 3,
      rssMB: 200,
      peakRssMB: 210,
      rooms: 1,
      clients: 2,
      battleActionsPerSec: 2,
    },
    machine: { cpus: 2, loadAverage: [1, 1, 1] },
    ...overrides,
  };
}
