/**
 * Gacha benchmark through the HTTP API: prints one JSON object.
 *   tenPullsPerSec  successful ten-pulls per second, 50 concurrent clients (target ≥ 500)
 *   latencyMs       p50 / p99 / max of one ten-pull request, as a client sees it
 *   cpuMsPerTenPull process CPU (server, database and client threads) per ten-pull: a figure
 *                   that a busy machine distorts less than throughput; loadAverage1m says how busy
 * The API, the services and the embedded database (journalled to a temporary directory, as
 * `npm start` runs it; `--memory` for in-memory) all start in this process on 127.0.0.1.
 * Usage: npm run bench:gacha [-- --clients 50 --seconds 10 --memory]
 * A bad option exits 2 with the usage on stderr; stdout only ever carries the JSON.
 */
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { decodeFromCompressedBase64 as decodeHistogram } from 'hdr-histogram-js';
import mongoose from 'mongoose';
import { logger } from '../src/core/logger.ts';
import { startEmbeddedMongo } from '../src/db/embedded/index.ts';
import { createApiApp } from '../src/http/createApiApp.ts';
import { loadPlugins } from '../src/plugins/loadPlugins.ts';
import { GachaService } from '../src/services/GachaService.ts';
import { PlayerService } from '../src/services/PlayerService.ts';
import { TokenService } from '../src/services/TokenService.ts';
import type { ClientReport } from './gachaClients.ts';
import { integerOption, parseCommandLine, withUsage } from '../scripts/commandLine.ts';

const ADMIN_TOKEN = 'bench-admin-token-0123456789';
const PASSWORD = 'bench-password-1';

const MAX_CLIENTS = 1_000;
const MAX_SECONDS = 3_600;
const USAGE = `Usage: npm run bench:gacha -- [--clients N (1 to ${MAX_CLIENTS}, default 50)] ` +
  `[--seconds S (1 to ${MAX_SECONDS}, default 10)] [--memory]`;

const { values, clients, seconds } = withUsage(USAGE, () => {
  const { values } = parseCommandLine({
    options: {
      clients: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '10' },
      memory: { type: 'boolean', default: false },
    },
  });
  return {
    values,
    clients: integerOption('--clients', values.clients, 1, MAX_CLIENTS),
    seconds: integerOption('--seconds', values.seconds, 1, MAX_SECONDS),
  };
});

async function startStack() {
  const dataDir = values.memory ? null : await mkdtemp(join(tmpdir(), 'fray-bench-gacha-'));
  const database = await startEmbeddedMongo({ dbPath: dataDir ?? ':memory:' });
  const connection = await mongoose.createConnection(`${database.uri}bench`).asPromise();
  const { registry } = await loadPlugins({ logger });
  const players = new PlayerService({ connection, registry, welcomeTickets: 0 });
  const gacha = new GachaService({ connection, registry });
  await Promise.all([players.init(), gacha.init()]);

  const app = createApiApp({
    config: { ADMIN_TOKEN },
    logger,
    tokens: new TokenService({ secret: 'bench-secret-0123456789abcdef', ttlS: 3600 }),
    players,
    gacha,
    registry,
    isReady: () => true,
    authRateLimits: { registrationsPerAddress: clients * 2 },
  });
  const server = createServer(app);
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const stop = async () => {
    server.closeAllConnections();
    server.close();
    await connection.close();
    await database.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
  return { baseUrl, stop };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** Registers a bench player and grants it more tickets than the run can spend. */
async function makeClient(baseUrl: string, index: number): Promise<string> {
  const username = `bench${process.pid}x${index}`;
  const registered = await post(`${baseUrl}/api/auth/register`, { username, password: PASSWORD });
  if (registered.status !== 201) throw new Error(`register answered ${registered.status}`);
  const grant = { username, tickets: 10_000_000 };
  await post(`${baseUrl}/api/admin/grant`, grant, { authorization: `Bearer ${ADMIN_TOKEN}` });
  return registered.body.token as string;
}

/** Runs the clients on their own thread, so their HTTP work does not share the server's loop. */
async function runClients(baseUrl: string, tokens: string[]): Promise<ClientReport> {
  const worker = new Worker(new URL('./gachaClients.ts', import.meta.url), {
    workerData: { baseUrl, tokens, seconds },
  });
  const [report] = (await once(worker, 'message')) as [ClientReport];
  await worker.terminate();
  return report;
}

const stack = await startStack();
try {
  const tokens = await Promise.all(
    Array.from({ length: clients }, (_, i) => makeClient(stack.baseUrl, i)),
  );
  const cpuBefore = process.cpuUsage();
  const report = await runClients(stack.baseUrl, tokens);
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerTenPull = (cpu.user + cpu.system) / 1000 / Math.max(1, report.ok);
  const tally = { ...report, histogram: decodeHistogram(report.histogram) };
  const elapsedS = report.elapsedS;

  const us = (p: number) => Math.round(tally.histogram.getValueAtPercentile(p)) / 1000;
  console.log(JSON.stringify({
    benchmark: 'gacha',
    database: values.memory ? 'embedded, in memory' : 'embedded, journalled to disk',
    clients,
    durationS: Number(elapsedS.toFixed(2)),
    tenPulls: tally.ok,
    errors: tally.errors,
    tenPullsPerSec: Math.round(tally.ok / elapsedS),
    targetTenPullsPerSec: 500,
    latencyMs: { p50: us(50), p99: us(99), max: us(100) },
    cpuMsPerTenPull: Number(cpuMsPerTenPull.toFixed(2)),
    loadAverage1m: Number(loadavg()[0]?.toFixed(2)),
    node: process.version,
  }, null, 2));
} finally {
  await stack.stop();
}
