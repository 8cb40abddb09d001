import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const EXIT_DEADLINE_MS = 20_000;

interface Exit {
  code: number | null;
  /** Log lines at error level, parsed. */
  errors: Array<Record<string, unknown>>;
  output: string;
}

/** Runs `src/main.ts` with `env` on 127.0.0.1 and resolves once it exits; fails if it keeps on. */
async function startToExit(env: Record<string, string>): Promise<Exit> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: ':memory:', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), EXIT_DEADLINE_MS);
  const [code] = (await once(child, 'close')) as [number | null];
  clearTimeout(timer);
  const lines = output.split('\n').filter((line) => line.startsWith('{'));
  const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { code, errors: entries.filter((entry) => entry.level === 50), output };
}

/** A listener on a free 127.0.0.1 port, so that port is taken. */
async function takePort() {
  const squatter = createServer();
  squatter.listen(0, '127.0.0.1');
  await once(squatter, 'listening');
  return { squatter, port: (squatter.address() as AddressInfo).port };
}

describe('npm start', () => {
  it('exits 1 on a taken port, saying so in one line with a hint and no stack', async () => {
    const { squatter, port } = await takePort();

    const exit = await startToExit({ PORT: String(port), LOG_LEVEL: 'info' });

    squatter.close();
    assert.equal(exit.code, 1);
    assert.equal(exit.errors.length, 1, exit.output);
    assert.equal(exit.errors[0]?.reason, `Port ${port} on 127.0.0.1 is already in use`);
    assert.match(String(exit.errors[0]?.hint), /Set PORT to a free port/);
    assert.doesNotMatch(exit.output, /\n\s+at /);
  });

  it('refuses a bad setting in one line quoting its value, with a hint and no stack', async () => {
    const exit = await startToExit({ PORT: 'abc', LOG_LEVEL: 'info' });

    assert.equal(exit.code, 1);
    assert.equal(exit.errors.length, 1, exit.output);
    assert.match(String(exit.errors[0]?.reason), /PORT must be an integer .*, got "abc"/);
    assert.match(String(exit.errors[0]?.hint), /Correct PORT/);
    assert.doesNotMatch(exit.output, /\n\s+at /);
  });

  it('refuses an unknown LOG_LEVEL in one line instead of crashing in the logger', async () => {
    const exit = await startToExit({ LOG_LEVEL: 'verbose' });

    assert.equal(exit.code, 1);
    assert.equal(exit.errors.length, 1, exit.output);
    assert.match(String(exit.errors[0]?.reason), /LOG_LEVEL must be one of .*, got "verbose"/);
  });

  it('refuses a DATA_DIR that is a file before starting the database', async () => {
    const file = fileURLToPath(new URL('../package.json', import.meta.url));

    const exit = await startToExit({ DATA_DIR: file, LOG_LEVEL: 'info' });

    assert.equal(exit.code, 1);
    assert.equal(exit.errors.length, 1, exit.output);
    assert.match(String(exit.errors[0]?.reason), /DATA_DIR ".*package\.json" is not a folder/);
    assert.doesNotMatch(exit.output, /embedded database listening/);
  });

  it('refuses REDIS_URL without the settings processes share, before the database', async () => {
    // Refused before any connection is made, so no Redis need answer at this address.
    const exit = await startToExit({ REDIS_URL: 'redis://127.0.0.1:6379', LOG_LEVEL: 'info' });

    assert.equal(exit.code, 1);
    assert.equal(exit.errors.length, 1, exit.output);
    assert.match(String(exit.errors[0]?.reason), /MONGODB_URI must be set.*TOKEN_SECRET must be/);
    assert.doesNotMatch(exit.output, /embedded database listening|\n\s+at /);
  });

  it('refuses a MONGODB_URI the driver cannot use in one line with a hint', async () => {
    const exit = await startToExit({ MONGODB_URI: 'mongodb://:@@:x/', LOG_LEVEL: 'info' });

    assert.equal(exit.code, 1);
    assert.equal(exit.errors.length, 1, exit.output);
    assert.match(String(exit.errors[0]?.reason), /MONGODB_URI is not a usable connection string/);
    assert.doesNotMatch(exit.output, /\n\s+at /);
  });
});
