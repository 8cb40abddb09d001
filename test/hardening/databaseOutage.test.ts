import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { RunPlayer } from '../../src/client/RunPlayer.ts';
import { startHostileGame, type HostileGame } from '../support/fuzzServer.ts';

const DB_SCRIPT = fileURLToPath(new URL('../../scripts/db.ts', import.meta.url));
const WAIT_MS = 40_000;

const cleanups: Array<() => Promise<unknown>> = [];

/** Each cleanup gets a bounded share of the hook's time, so one stuck step cannot hang the rest. */
const CLEANUP_WAIT_MS = 15_000;

after(async () => {
  for (const cleanup of cleanups.reverse()) {
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise((resolve) => {
      timer = setTimeout(resolve, CLEANUP_WAIT_MS);
    });
    await Promise.race([cleanup(), gaveUp]).finally(() => clearTimeout(timer));
  }
});

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  await once(probe, 'close');
  return port;
}

/** `npm run db -- --port P --dbpath DIR` as a process of its own; resolves once it is ready. */
async function startDatabase(port: number, dbPath: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [DB_SCRIPT, '--port', String(port), '--dbpath', dbPath], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  for await (const line of createInterface({ input: child.stdout! })) {
    if (String(line).includes('ready at')) return child;
  }
  throw new Error('The database process exited before it was ready');
}

async function stopDatabase(child: ChildProcess): Promise<void> {
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

function nextNotice(player: RunPlayer, type: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} within ${WAIT_MS} ms`)), WAIT_MS);
    player.room.onMessage(type, (payload) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

async function waitForSavedRoom(game: HostileGame, token: string, runId: string, index: number) {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const response = await fetch(`${game.server.httpUrl}/api/runs/${runId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.ok && (await response.json()).roomIndex === index) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const saves = game.log.entries().filter((entry) => String(entry.msg).includes('save'));
  const last = saves.slice(-3).map((entry) => JSON.stringify(entry).slice(0, 300));
  throw new Error(`Run "${runId}" was not saved at room ${index} in time; ${last.join('\n')}`);
}

describe('Run room during a database outage', () => {
  it('plays on, warns with saveDelayed, and saves once the database returns', async () => {
    const dbPath = await mkdtemp(join(tmpdir(), 'fray-outage-'));
    cleanups.push(() => rm(dbPath, { recursive: true, force: true }));
    const port = await freePort();
    let database = await startDatabase(port, dbPath);
    const game = await startHostileGame({ MONGODB_URI: `mongodb://127.0.0.1:${port}/fray` });
    cleanups.push(() => game.stop());
    const { client, session } = await game.newPlayer('outage');
    const player = new RunPlayer(await client.createRun({ party: ['avatar'], seed: 12 }));
    await player.ready();
    const warned = nextNotice(player, 'saveDelayed');

    await stopDatabase(database);
    await player.command('advance');

    const notice = (await warned) as { code?: string; runId?: string };
    assert.deepEqual([notice.code, notice.runId], ['UNAVAILABLE', player.state.runId]);
    assert.equal(player.state.roomIndex, 1);
    database = await startDatabase(port, dbPath);
    await waitForSavedRoom(game, session.token, player.state.runId, 1);
  });
});
