import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';

const SCRIPT = new URL('../../../scripts/db.ts', import.meta.url).pathname;
const START_DEADLINE_MS = 30_000;
const WRITES = 200;

interface Child {
  process: ChildProcess;
  uri: string;
}

/** Starts `scripts/db.ts` in a child process and resolves with the URI it prints. */
async function startServerProcess(dbPath: string): Promise<Child> {
  const child = spawn(process.execPath, [SCRIPT, '--port', '0', '--dbpath', dbPath], {
    env: { ...process.env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('db script printed no URI')),
      START_DEADLINE_MS,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /mongodb:\/\/\S+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.once('exit', (code) => reject(new Error(`db script exited early with ${code}`)));
  });
  return { process: child, uri };
}

async function killHard(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  const exited = once(child.process, 'exit');
  child.process.kill('SIGKILL');
  await exited;
}

type Wallet = { _id: number; gold: number };

/** Makes WRITES inserts and WRITES increments, all acknowledged, then returns the client. */
async function writeAcknowledged(uri: string): Promise<MongoClient> {
  const client = await new MongoClient(uri, { maxPoolSize: 20 }).connect();
  const wallets = client.db('game').collection<Wallet>('wallets');
  await wallets.insertOne({ _id: 0, gold: 0 });
  await Promise.all(Array.from({ length: WRITES }, (_, i) => Promise.all([
    wallets.insertOne({ _id: i + 1, gold: i }),
    wallets.updateOne({ _id: 0 }, { $inc: { gold: 1 } }),
  ])));
  return client;
}

async function readBack(uri: string): Promise<{ count: number; gold: number | undefined }> {
  const client = await new MongoClient(uri).connect();
  const wallets = client.db('game').collection<Wallet>('wallets');
  const result = {
    count: await wallets.countDocuments(),
    gold: (await wallets.findOne({ _id: 0 }))?.gold,
  };
  await client.close();
  return result;
}

describe('Embedded server durability', () => {
  it('keeps every acknowledged write after SIGKILL and a restart', async (context) => {
    const dbPath = await mkdtemp(join(tmpdir(), 'fray-durability-'));
    const children: Child[] = [];
    context.after(async () => {
      for (const child of children) await killHard(child);
      await rm(dbPath, { recursive: true, force: true });
    });
    children.push(await startServerProcess(dbPath));
    const writer = await writeAcknowledged(children[0].uri);

    await killHard(children[0]);
    await writer.close(true).catch(() => undefined);
    children.push(await startServerProcess(dbPath));

    assert.deepEqual(await readBack(children[1].uri), { count: WRITES + 1, gold: WRITES });
  });
});
