/**
 * The load side of `bench/gacha.ts`, run in a worker thread: each client sends ten-pulls
 * back to back until the deadline and the thread reports counts and a latency histogram.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { build as buildHistogram, encodeIntoCompressedBase64 } from 'hdr-histogram-js';

export interface ClientReport {
  ok: number;
  errors: number;
  elapsedS: number;
  /** Latency in microseconds, hdr-histogram compressed base64. */
  histogram: string;
}

interface Job {
  baseUrl: string;
  tokens: string[];
  seconds: number;
}

const TEN_PULL = JSON.stringify({ bannerId: 'standard', count: 10 });

type Histogram = ReturnType<typeof buildHistogram>;

async function runClient(
  job: Job,
  token: string,
  deadlineMs: number,
  report: ClientReport,
  histogram: Histogram,
) {
  let n = 0;
  while (performance.now() < deadlineMs) {
    const started = performance.now();
    const response = await fetch(`${job.baseUrl}/api/gacha/pull`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': `${token.slice(-16)}-${n++}`,
      },
      body: TEN_PULL,
    });
    await response.arrayBuffer();
    histogram.recordValue(Math.round((performance.now() - started) * 1000));
    if (response.status === 200) report.ok += 1;
    else report.errors += 1;
  }
}

if (parentPort) {
  const job = workerData as Job;
  const report: ClientReport = { ok: 0, errors: 0, elapsedS: 0, histogram: '' };
  const histogram = buildHistogram({ numberOfSignificantValueDigits: 3 });

  const startedMs = performance.now();
  const deadlineMs = startedMs + job.seconds * 1000;
  await Promise.all(
    job.tokens.map((token) => runClient(job, token, deadlineMs, report, histogram)),
  );
  report.elapsedS = (performance.now() - startedMs) / 1000;
  report.histogram = encodeIntoCompressedBase64(histogram);
  parentPort.postMessage(report);
}
