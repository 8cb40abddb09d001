import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startTestGame, type TestGame } from '../support/gameServer.ts';

const HARNESS = fileURLToPath(new URL('../../loadtest/main.ts', import.meta.url));
/** Sign-up costs 50 scrypt hashes before the 10 s of play, on a busy 2-core machine. */
const SMOKE_TIMEOUT_MS = 150_000;

/** Runs the harness as its own process and resolves with its exit code and standard output. */
function runHarness(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HARNESS, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

describe('loadtest', () => {
  let game: TestGame;
  before(async () => {
    game = await startTestGame({ BATTLE_PACING_MS: 400, VOTE_TIMEOUT_MS: 15_000 });
  });
  after(async () => {
    await game.stop();
  });

  it('plays 50 co-op bots for 10 s without a failure', { timeout: SMOKE_TIMEOUT_MS }, async () => {
    const args = ['--url', game.server.httpUrl, '--bots', '50', '--duration', '10', '--json'];

    const { code, stdout } = await runHarness([...args, '--ramp', '2', '--think-ms', '300']);

    const summary = JSON.parse(stdout) as { bots: { failed: number }; errors: object };
    assert.deepEqual(summary.errors, {});
    assert.equal(summary.bots.failed, 0);
    assert.equal(code, 0);
  });
});
