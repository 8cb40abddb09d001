/**
 * The load-test harness: bots that play Fray against a running server on this machine.
 *
 *   npm run loadtest -- --url http://127.0.0.1:2567 --bots N --duration S [--ramp S]
 *                       [--scenario coop|solo|flaky] [--pacing watch|fast|skip]
 *                       [--think-ms MS] [--metrics-token T] [--json] [--progress-json]
 *
 * Prints a progress line on a terminal (or, with --progress-json, one JSON object a line on
 * standard error) and a summary at the end (JSON with --json; the text form lists the first
 * failures). Exits 0 when no error at all was met (no bot failed, no lost
 * connection, the server's figures were read), 1 otherwise, 2 on bad options or a crash.
 */
import { formatSummary } from './formatSummary.ts';
import { parseOptions } from './parseOptions.ts';
import { runLoadTest, type LoadProgress, type LoadTestSummary } from './runLoadTest.ts';
import { EXIT_CODES, verdict } from './verdict.ts';

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  quietenSdk();
  const isTty = process.stderr.isTTY === true && !options.progressJson;
  const onProgress = progressPrinter(options.progressJson, isTty);
  const summary = await runLoadTest({ ...options, onProgress });
  if (isTty) process.stderr.write('\n');
  print(summary, options.json);
  return verdict(summary);
}

/**
 * The SDK narrates every reconnection on the console; with a thousand bots that would bury the
 * summary (and break --json on stdout), so its info and warning lines are dropped here.
 */
function quietenSdk(): void {
  console.info = () => {};
  console.warn = () => {};
}

function progressPrinter(asJson: boolean, isTty: boolean) {
  if (asJson) {
    return (_line: string, progress: LoadProgress) => {
      process.stderr.write(`${JSON.stringify(progress)}\n`);
    };
  }
  return isTty ? (line: string) => void process.stderr.write(`\r\x1b[2K${line}`) : undefined;
}

function print(summary: LoadTestSummary, asJson: boolean): void {
  const text = asJson ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary);
  process.stdout.write(text);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`loadtest failed: ${error instanceof Error ? error.message : error}\n`);
    process.exit(EXIT_CODES.harnessFailed);
  },
);
