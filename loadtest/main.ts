/**
 * The load-test harness: bots that play Fray against a running server on this machine.
 *
 *   npm run loadtest -- --url http://127.0.0.1:2567 --bots N --duration S [--ramp S]
 *                       [--scenario coop|solo|flaky] [--pacing watch|fast|skip]
 *                       [--think-ms MS] [--metrics-token T] [--json]
 *
 * Prints a progress line on a terminal and a summary at the end (JSON with --json). Exits 0
 * when no bot met an error, 1 otherwise, 2 on bad options.
 */
import { parseOptions } from './parseOptions.ts';
import { runLoadTest, type LoadTestSummary } from './runLoadTest.ts';

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  quietenSdk();
  const isTty = process.stderr.isTTY === true;
  const summary = await runLoadTest({
    ...options,
    onProgress: isTty ? (line) => process.stderr.write(`\r\x1b[2K${line}`) : undefined,
  });
  if (isTty) process.stderr.write('\n');
  print(summary, options.json);
  return summary.bots.failed === 0 && Object.keys(summary.errors).length === 0 ? 0 : 1;
}

/**
 * The SDK narrates every reconnection on the console; with a thousand bots that would bury the
 * summary (and break --json on stdout), so its info and warning lines are dropped here.
 */
function quietenSdk(): void {
  console.info = () => {};
  console.warn = () => {};
}

function print(summary: LoadTestSummary, asJson: boolean): void {
  if (asJson) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  const { bots, joinLatencyMs: join, requestRttMs: rtt, scenario, pacing } = summary;
  const errors = JSON.stringify(summary.errors);
  const lines = [
    `scenario ${scenario} (${pacing}): ${bots.requested} bots, ${summary.runs} runs`,
    `  bots connected ${bots.connected}, failed ${bots.failed}; errors ${errors}`,
    `  join ms p50 ${join.p50} p95 ${join.p95} p99 ${join.p99}`,
    `  command rtt ms p50 ${rtt.p50} p95 ${rtt.p95} p99 ${rtt.p99}`,
    `  patches/s ${summary.patchesPerSec}; bytes per client per s ${summary.bytesPerClientPerSec}`,
    `  rooms ${summary.roomsEntered}, battles ${summary.battlesFinished}, drops ${summary.drops}`,
    `  server ${JSON.stringify(summary.server)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`loadtest failed: ${error instanceof Error ? error.message : error}\n`);
    process.exit(2);
  },
);
