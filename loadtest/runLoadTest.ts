import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { LoadStats, round, type LatencySummary } from './LoadStats.ts';
import type { BotClient } from './BotClient.ts';
import { HARNESS_CODES } from './errorCode.ts';
import { makeBots, playGroup, signUp, type GroupContext } from './playGroup.ts';
import type { Pacing, Scenario } from './scenarios.ts';
import { scrapeMetrics, serverFigures, type Samples, type ServerFigures } from './serverFigures.ts';

export interface LoadTestOptions {
  url: string;
  bots: number;
  durationS: number;
  rampS: number;
  scenario: Scenario;
  pacing: Pacing;
  thinkMs: number;
  waitMs: number;
  metricsToken?: string | undefined;
  /** Bots registering at once before the ramp (scrypt makes each registration costly). */
  signUpConcurrency: number;
  /** Called about once a second with a one-line progress report and its figures. */
  onProgress?: (line: string, progress: LoadProgress) => void;
}

/** Where a load test stands, as reported about once a second. */
export interface LoadProgress {
  phase: string;
  elapsedS: number;
  signedUp: number;
  /** Bots that have entered a room so far. */
  connectedBots: number;
  /** Room connections open right now. */
  openClients: number;
  errors: number;
}

export interface LoadTestSummary {
  scenario: string;
  pacing: Pacing;
  bots: { requested: number; connected: number; failed: number; spectators: number };
  runs: number;
  signUpS: number;
  rampS: number;
  durationS: number;
  errors: Record<string, number>;
  failureSamples: string[];
  joinLatencyMs: LatencySummary;
  requestRttMs: LatencySummary;
  httpLatencyMs: LatencySummary;
  reconnectMs: LatencySummary;
  drops: number;
  roomsEntered: number;
  battlesFinished: number;
  patchesPerSec: number;
  patchesPerClientPerSec: number;
  bytesPerClientPerSec: number;
  server: ServerFigures | { error: string };
  /** This machine, shared by the server and the bots: cores and load averages at the end. */
  machine: { cpus: number; loadAverage: number[] };
}

/** How long the bots get, after the end, to leave their rooms before the harness gives up. */
const TEARDOWN_MS = 20_000;
const SERVER_SAMPLE_MS = 5_000;

/**
 * Runs one load test in three phases: every bot registers and pulls gacha (a few at a time);
 * then groups take their seats spread over the ramp and play until the ramp and the duration
 * have passed; then they leave. The server's figures are read from `/metrics` when the ramp
 * ends and again just before the bots stop, so they describe the server under the full load.
 */
export async function runLoadTest(options: LoadTestOptions): Promise<LoadTestSummary> {
  const stats = new LoadStats();
  const controller = new AbortController();
  const ctx = groupContext(options, stats, controller.signal);
  const groups = splitIntoGroups(options.bots, options.scenario.groupSize)
    .map((names) => makeBots(ctx, names));
  const monitor = new ServerMonitor(options.url, options.metricsToken);
  const startedAt = performance.now();
  let phase = 'sign-up';
  const progress = setInterval(() => {
    const figures = progressFigures(stats, startedAt, phase);
    options.onProgress?.(progressLine(figures, stats, options, monitor), figures);
  }, 1_000);

  await signUpAll(ctx, groups.flat(), options.signUpConcurrency);
  const signUpS = round((performance.now() - startedAt) / 1000, 1);
  phase = 'play';
  const ready = groups.filter((bots) => bots.every((bot) => !stats.failedBots.has(bot.name)));
  const players = ready.map((bots, index) =>
    startAfter((options.rampS * 1000 * index) / ready.length, controller.signal, () =>
      playGroup(ctx, bots, index),
    ),
  );
  await waitUntil(options.rampS * 1000, controller.signal);
  const steadyAt = performance.now();
  const atSteady = await monitor.sample();
  await waitUntil(options.durationS * 1000, controller.signal);
  const atEnd = await monitor.sample();
  const steadyS = (performance.now() - steadyAt) / 1000;

  controller.abort();
  clearInterval(progress);
  await Promise.race([Promise.allSettled(players), waitUntil(TEARDOWN_MS)]);
  monitor.stop();
  const window = { atSteady, atEnd, steadyS, monitor, signUpS };
  return summarise(options, stats, ready.length, window);
}

/** Signs every bot up, `concurrency` at a time; the ones that fail are counted and left out. */
async function signUpAll(ctx: GroupContext, bots: BotClient[], concurrency: number) {
  let next = 0;
  const worker = async () => {
    while (next < bots.length && !ctx.signal.aborted) {
      const bot = bots[next++];
      if (bot) await signUp(ctx, bot);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, bots.length) }, worker));
}

function groupContext(options: LoadTestOptions, stats: LoadStats, signal: AbortSignal) {
  const context: GroupContext = {
    url: options.url,
    stats,
    signal,
    scenario: options.scenario,
    pacing: options.pacing,
    thinkMs: options.thinkMs,
    waitMs: options.waitMs,
    random: Math.random,
  };
  return context;
}

/** Bot names in groups of `size`; the tag keeps names unique across load tests. */
export function splitIntoGroups(bots: number, size: number): string[][] {
  const tag = randomBytes(3).toString('hex');
  const groups: string[][] = [];
  for (let first = 0; first < bots; first += size) {
    const count = Math.min(size, bots - first);
    groups.push(Array.from({ length: count }, (_, i) => `lt${tag}_${first + i}`));
  }
  return groups;
}

async function startAfter(ms: number, signal: AbortSignal, work: () => Promise<void>) {
  await waitUntil(ms, signal);
  if (!signal.aborted) await work();
}

function waitUntil(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Scrapes the server every few seconds for the progress line and the peak RSS. */
class ServerMonitor {
  readonly #url: string;
  readonly #token: string | undefined;
  readonly #timer: NodeJS.Timeout;
  latest: Samples | undefined;
  peakRssBytes = 0;
  lastError: string | undefined;

  constructor(url: string, token: string | undefined) {
    this.#url = url;
    this.#token = token;
    this.#timer = setInterval(() => void this.sample(), SERVER_SAMPLE_MS);
    void this.sample();
  }

  async sample(): Promise<Samples | undefined> {
    try {
      const samples = await scrapeMetrics(this.#url, this.#token);
      this.latest = samples;
      const rss = samples.get('process_resident_memory_bytes') ?? 0;
      this.peakRssBytes = Math.max(this.peakRssBytes, rss);
      return samples;
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      return undefined;
    }
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}

function progressFigures(stats: LoadStats, startedAt: number, phase: string): LoadProgress {
  return {
    phase,
    elapsedS: Math.round((performance.now() - startedAt) / 1000),
    signedUp: stats.signedUp,
    connectedBots: stats.connectedBots.size,
    openClients: stats.openClients,
    errors: stats.errorCount,
  };
}

function progressLine(
  figures: LoadProgress,
  stats: LoadStats,
  options: LoadTestOptions,
  monitor: ServerMonitor,
): string {
  const request = stats.request.summary();
  const eld = (monitor.latest?.get('fray_event_loop_delay_seconds{quantile="0.99"}') ?? 0) * 1000;
  const rss = (monitor.latest?.get('process_resident_memory_bytes') ?? 0) / 1024 / 1024;
  return [
    `${figures.phase} ${figures.elapsedS}s`,
    `signed up ${figures.signedUp}`,
    `bots ${figures.connectedBots}/${options.bots}`,
    `clients ${figures.openClients}`,
    `battles ${stats.battlesFinished}`,
    `cmd p99 ${request.p99} ms`,
    `errors ${figures.errors}`,
    `server eld p99 ${round(eld, 1)} ms rss ${Math.round(rss)} MB`,
  ].join(' | ');
}

interface Window {
  atSteady: Samples | undefined;
  atEnd: Samples | undefined;
  steadyS: number;
  monitor: ServerMonitor;
  signUpS: number;
}

function summarise(
  options: LoadTestOptions,
  stats: LoadStats,
  runs: number,
  window: Window,
): LoadTestSummary {
  const clientSeconds = stats.clientSeconds();
  const totalS = options.rampS + options.durationS;
  const server = serverSummary(window, stats);
  return {
    scenario: options.scenario.name,
    pacing: options.pacing,
    bots: {
      requested: options.bots,
      connected: stats.connectedBots.size,
      failed: stats.failedBots.size,
      spectators: stats.spectators,
    },
    runs,
    signUpS: window.signUpS,
    rampS: options.rampS,
    durationS: options.durationS,
    errors: Object.fromEntries(stats.errors),
    failureSamples: stats.failureSamples,
    joinLatencyMs: stats.join.summary(),
    requestRttMs: stats.request.summary(),
    httpLatencyMs: stats.http.summary(),
    reconnectMs: stats.reconnect.summary(),
    drops: stats.drops,
    roomsEntered: stats.roomsEntered,
    battlesFinished: stats.battlesFinished,
    patchesPerSec: round(stats.patches / totalS, 1),
    patchesPerClientPerSec: round(stats.patches / Math.max(1, clientSeconds), 2),
    bytesPerClientPerSec: round(stats.bytesReceived / Math.max(1, clientSeconds), 1),
    server,
    machine: { cpus: cpus().length, loadAverage: loadavg().map((load) => round(load)) },
  };
}

/** The server's figures, or why they are missing, which counts as an error of the test. */
function serverSummary(window: Window, stats: LoadStats): ServerFigures | { error: string } {
  const { atSteady, atEnd, steadyS, monitor } = window;
  if (atSteady && atEnd) return serverFigures(atSteady, atEnd, steadyS, monitor.peakRssBytes);
  const error = monitor.lastError ?? 'no /metrics answer';
  stats.fail(HARNESS_CODES.metricsUnavailable);
  stats.noteFailure(`${HARNESS_CODES.metricsUnavailable}: GET /metrics failed: ${error}`);
  return { error };
}
