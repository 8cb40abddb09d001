import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { matchMaker } from '@colyseus/core';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { battleActionsApplied } from './battleActions.ts';
import { EventLoopWindow } from './EventLoopWindow.ts';
import { routeLabel } from './routeLabel.ts';

const LATENCY_BUCKETS_S = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
];

const METRICS_TOKEN_REQUIRED = 'A metrics token is required';

/** One finished database command, as the driver's command monitoring reports it. */
export interface DbCommandSample {
  commandName: string;
  durationMs: number;
  isOk: boolean;
}

/**
 * The process's Prometheus metrics: rooms, clients, battle actions, event-loop delay over the
 * last minute, database command and HTTP request latency, plus prom-client's process figures
 * (CPU seconds, resident memory, heap, GC). Served as text on `GET /metrics`.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly #eventLoop = new EventLoopWindow();
  readonly #token: Buffer | undefined;
  readonly #http: Histogram<'method' | 'route' | 'status'>;
  readonly #db: Histogram<'command' | 'outcome'>;

  /** @param token When set, `/metrics` needs `Authorization: Bearer <token>`. */
  constructor(token?: string) {
    this.#token = token ? Buffer.from(`Bearer ${token}`) : undefined;
    collectDefaultMetrics({ register: this.registry });
    this.#http = new Histogram({
      name: 'fray_http_request_duration_seconds',
      help: 'HTTP request latency, from request to the end of the response',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS_S,
      registers: [this.registry],
    });
    this.#db = new Histogram({
      name: 'fray_db_command_duration_seconds',
      help: 'Database command latency as the driver measures it',
      labelNames: ['command', 'outcome'],
      buckets: LATENCY_BUCKETS_S,
      registers: [this.registry],
    });
    this.#registerGameGauges();
    this.#registerEventLoopGauges();
  }

  /** Times one HTTP request until its response finishes; call it first for every request. */
  observeRequest(req: IncomingMessage, res: ServerResponse): void {
    const startedAt = performance.now();
    // Read now: routers rewrite req.url while they handle the request.
    const route = routeLabel(req.url);
    res.once('finish', () => {
      const labels = { method: req.method ?? 'GET', route, status: res.statusCode };
      this.#http.observe(labels, (performance.now() - startedAt) / 1000);
    });
  }

  observeDbCommand(sample: DbCommandSample): void {
    const labels = { command: sample.commandName, outcome: sample.isOk ? 'ok' : 'failed' };
    this.#db.observe(labels, sample.durationMs / 1000);
  }

  /** Answers `GET /metrics` in the Prometheus text format. */
  async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!this.#isAuthorised(req.headers.authorization)) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'UNAUTHORIZED', message: METRICS_TOKEN_REQUIRED } }));
      return;
    }
    const body = await this.registry.metrics();
    res.writeHead(200, { 'content-type': this.registry.contentType });
    res.end(body);
  }

  stop(): void {
    this.#eventLoop.stop();
    this.registry.clear();
  }

  #isAuthorised(header: string | undefined): boolean {
    if (!this.#token) return true;
    const given = Buffer.from(header ?? '');
    return given.length === this.#token.length && timingSafeEqual(given, this.#token);
  }

  #registerGameGauges(): void {
    const registers = [this.registry];
    new Gauge({
      name: 'fray_rooms',
      help: 'Rooms open in this process',
      registers,
      collect() {
        this.set(matchMaker.stats.local.roomCount);
      },
    });
    new Gauge({
      name: 'fray_clients',
      help: 'Clients connected to rooms in this process',
      registers,
      collect() {
        this.set(matchMaker.stats.local.ccu);
      },
    });
    let reported = 0;
    new Counter({
      name: 'fray_battle_actions_total',
      help: 'Battle actions applied by rooms in this process',
      registers,
      collect() {
        const applied = battleActionsApplied();
        if (applied > reported) this.inc(applied - reported);
        reported = applied;
      },
    });
  }

  #registerEventLoopGauges(): void {
    const window = this.#eventLoop;
    let reportedBusyMs = 0;
    new Counter({
      name: 'fray_event_loop_busy_seconds_total',
      help: 'Time the event loop spent running code (its utilisation is the rate of this)',
      registers: [this.registry],
      collect() {
        const busyMs = performance.eventLoopUtilization().active;
        if (busyMs > reportedBusyMs) this.inc((busyMs - reportedBusyMs) / 1000);
        reportedBusyMs = busyMs;
      },
    });
    new Gauge({
      name: 'fray_event_loop_delay_seconds',
      help: 'Event-loop delay over the last 60 s (quantile 1 is the maximum)',
      labelNames: ['quantile'],
      registers: [this.registry],
      collect() {
        const summary = window.summary();
        this.set({ quantile: '0.5' }, summary.p50Ms / 1000);
        this.set({ quantile: '0.99' }, summary.p99Ms / 1000);
        this.set({ quantile: '1' }, summary.maxMs / 1000);
      },
    });
  }
}
