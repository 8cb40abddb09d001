import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, it, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { LoadProgress, LoadTestSummary } from '../../loadtest/runLoadTest.ts';
import { EXIT_CODES } from '../../loadtest/verdict.ts';
import { useServerProcesses } from '../support/serverProcess.ts';

const HARNESS = fileURLToPath(new URL('../../loadtest/main.ts', import.meta.url));
const processes = useServerProcesses();
/** Server start, two sign-ups and 6 s of load, on a busy 2-core machine. */
const TEST_TIMEOUT_MS = 60_000;
const CONNECT_DEADLINE_MS = 20_000;
const HARNESS_ARGS = ['--bots', '2', '--duration', '5', '--ramp', '1', '--json', '--progress-json'];

/** Resolves once the harness's JSON progress reports `bots` connected, within the deadline. */
function whenConnected(harness: ChildProcess, bots: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    const timer = setTimeout(() => {
      fail(new Error(`Bots not connected after ${CONNECT_DEADLINE_MS} ms`));
    }, CONNECT_DEADLINE_MS);
    harness.once('exit', (code) => fail(new Error(`The harness exited first (${code})`)));
    createInterface({ input: harness.stderr! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      if ((JSON.parse(line) as LoadProgress).connectedBots < bots) return;
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Runs the harness against `url`; it is killed after the test if still running. */
function startHarness(t: TestContext, url: string): ChildProcess {
  const harness = spawn(process.execPath, [HARNESS, '--url', url, ...HARNESS_ARGS]);
  t.after(() => void harness.kill('SIGKILL'));
  return harness;
}

/** Resolves with the harness's exit code and its JSON summary. */
async function outcome(harness: ChildProcess) {
  let stdout = '';
  harness.stdout!.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => harness.once('close', resolve));
  return { code, summary: JSON.parse(stdout) as LoadTestSummary };
}

describe('loadtest harness', () => {
  const options = { timeout: TEST_TIMEOUT_MS };
  it('exits 1 with CONNECTION_LOST when the server dies mid-run', options, async (t) => {
    const server = await processes.start(await processes.dataDir());
    const harness = startHarness(t, server.url);
    const ended = outcome(harness);
    await whenConnected(harness, 2);

    await server.kill('SIGKILL');
    const { code, summary } = await ended;

    assert.equal(code, EXIT_CODES.failed);
    assert.ok((summary.errors.CONNECTION_LOST ?? 0) >= 1, JSON.stringify(summary.errors));
    assert.equal(summary.errors.METRICS_UNAVAILABLE, 1);
    const lostSample = /^CONNECTION_LOST: .*\(close code 1006/;
    assert.ok(summary.failureSamples.some((sample) => lostSample.test(sample)));
  });
});
