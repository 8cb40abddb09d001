import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEADLINE_MS = 30_000;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a script with `args` from the repository root; resolves with how it exited. */
function runScript(script: string, args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const options = { cwd: ROOT, timeout: DEADLINE_MS, env: { ...process.env, LOG_LEVEL: 'warn' } };
    execFile(process.execPath, [script, ...args], options, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** Asserts the refusal shape: exit 2, nothing on stdout, one reason line then the usage. */
function assertRefused(outcome: Outcome, reason: RegExp): void {
  const [first = '', second = ''] = outcome.stderr.split('\n');
  assert.equal(outcome.code, 2, outcome.stderr);
  assert.equal(outcome.stdout, '');
  assert.match(first, reason);
  assert.match(second, /^Usage: /);
  assert.doesNotMatch(outcome.stderr, /ERR_PARSE_ARGS|\n\s+at /);
}

describe('script command lines', () => {
  it('refuses an unknown sim option, suggesting the near one', async () => {
    const outcome = await runScript('scripts/sim.ts', ['--sed', '7']);

    assertRefused(outcome, /^Unknown option "--sed"; did you mean "--seed"\?$/);
  });

  it('refuses a sim seed that is not an unsigned 32-bit integer, quoting it', async () => {
    const outcome = await runScript('scripts/sim.ts', ['--seed', 'abc']);

    assertRefused(outcome, /^--seed must be an integer from 0 to 4294967295, got "abc"$/);
  });

  it('runs sim with the foes its usage suggests', async () => {
    const outcome = await runScript('scripts/sim.ts', ['--foes', 'dark,cinder-imp', '--json']);

    assert.equal(outcome.code, 0, outcome.stderr);
    assert.equal(JSON.parse(outcome.stdout).combatants.length, 7);
  });

  it('refuses a demo room count that is not a positive integer', async () => {
    const outcome = await runScript('scripts/demo.ts', ['--rooms', '0']);

    assertRefused(outcome, /^--rooms must be an integer of at least 1, got "0"$/);
  });

  it('refuses a db port out of range', async () => {
    const outcome = await runScript('scripts/db.ts', ['--port', '70000']);

    assertRefused(outcome, /^--port must be an integer from 0 to 65535, got "70000"$/);
  });

  it('refuses bench:gacha seconds that are not a number instead of running 0 s', async () => {
    const outcome = await runScript('bench/gacha.ts', ['--seconds', 'abc']);

    assertRefused(outcome, /^--seconds must be an integer from 1 to 3600, got "abc"$/);
  });

  it('refuses a bench:battle count it would silently round', async () => {
    const outcome = await runScript('bench/battle.ts', ['--battles', '200']);

    assertRefused(outcome, /^--battles must be a multiple of 250 .*, got "200"$/);
  });

  it('refuses a bench:battle count that is not a number instead of using the default', async () => {
    const outcome = await runScript('bench/battle.ts', ['--battles', 'abc']);

    assertRefused(outcome, /^--battles must be an integer of at least 1, got "abc"$/);
  });

  it('refuses an unknown bench:room or bench:db option', async () => {
    const room = await runScript('bench/roomTraffic.ts', ['--second', '3']);
    const db = await runScript('bench/db.ts', ['--main']);

    assertRefused(room, /^Unknown option "--second"; did you mean "--seconds"\?$/);
    assertRefused(db, /^Unknown option "--main"$/);
  });
});
