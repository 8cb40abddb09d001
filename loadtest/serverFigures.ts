import { round } from './LoadStats.ts';

/** Samples of a Prometheus text page, keyed `name{labels}` exactly as printed. */
export type Samples = Map<string, number>;

/** Reads the server's `/metrics` page (127.0.0.1 only; the harness checks the URL). */
export async function scrapeMetrics(url: string, token?: string): Promise<Samples> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const response = await fetch(`${url}/metrics`, { headers, signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`);
  return parseSamples(await response.text());
}

export function parseSamples(page: string): Samples {
  const samples: Samples = new Map();
  for (const line of page.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    samples.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return samples;
}

export interface ServerFigures {
  eventLoopDelayMs: { p50: number; p99: number; max: number; windowS: number };
  cpuPercent: number;
  /** Share of the time the main thread ran code: near 100 % means the loop is saturated. */
  eventLoopUtilisationPercent: number;
  rssMB: number;
  peakRssMB: number;
  rooms: number;
  clients: number;
  battleActionsPerSec: number;
}

const MB = 1024 * 1024;

/**
 * The server's own figures at the end of the load: event-loop delay over its last 60 s, CPU
 * used between two scrapes (100 % is one core), resident memory, rooms and clients.
 */
export function serverFigures(
  start: Samples,
  end: Samples,
  elapsedS: number,
  peakRssBytes: number,
): ServerFigures {
  const get = (samples: Samples, key: string) => samples.get(key) ?? 0;
  const delta = (key: string) => get(end, key) - get(start, key);
  const eld = (quantile: string) =>
    round(get(end, `fray_event_loop_delay_seconds{quantile="${quantile}"}`) * 1000);
  const rss = get(end, 'process_resident_memory_bytes');
  return {
    eventLoopDelayMs: { p50: eld('0.5'), p99: eld('0.99'), max: eld('1'), windowS: 60 },
    cpuPercent: round((delta('process_cpu_seconds_total') / elapsedS) * 100, 1),
    eventLoopUtilisationPercent: round(
      (delta('fray_event_loop_busy_seconds_total') / elapsedS) * 100,
      1,
    ),
    rssMB: round(rss / MB, 1),
    peakRssMB: round(Math.max(rss, peakRssBytes) / MB, 1),
    rooms: get(end, 'fray_rooms'),
    clients: get(end, 'fray_clients'),
    battleActionsPerSec: round(delta('fray_battle_actions_total') / elapsedS, 1),
  };
}
