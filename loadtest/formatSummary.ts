import type { LoadTestSummary } from './runLoadTest.ts';

/** The summary as a few lines of text, with what went wrong when something did. */
export function formatSummary(summary: LoadTestSummary): string {
  const { bots, joinLatencyMs: join, requestRttMs: rtt, scenario, pacing } = summary;
  const errors = JSON.stringify(summary.errors);
  const lines = [
    `scenario ${scenario} (${pacing}): ${bots.requested} bots, ${summary.runs} runs`,
    `  bots connected ${bots.connected}, failed ${bots.failed}; errors ${errors}`,
    ...summary.failureSamples.map((sample) => `    failure: ${sample}`),
    `  join ms p50 ${join.p50} p95 ${join.p95} p99 ${join.p99}`,
    `  command rtt ms p50 ${rtt.p50} p95 ${rtt.p95} p99 ${rtt.p99}`,
    `  patches/s ${summary.patchesPerSec}; bytes per client per s ${summary.bytesPerClientPerSec}`,
    `  rooms ${summary.roomsEntered}, battles ${summary.battlesFinished}, drops ${summary.drops}`,
    `  server ${JSON.stringify(summary.server)}`,
  ];
  return `${lines.join('\n')}\n`;
}
