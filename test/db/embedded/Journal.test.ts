import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journal } from '../../../src/db/embedded/Journal.ts';
import { Store } from '../../../src/db/embedded/Store.ts';
import { valueKey } from '../../../src/db/embedded/documents.ts';

async function makeDataDir(context: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fray-journal-'));
  context.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function openStore(dir: string, compactBytes?: number) {
  const store = new Store();
  const journal = await Journal.open(dir, store, { compactBytes });
  return { store, journal };
}

async function writeWallets(dir: string, count: number): Promise<void> {
  const { store, journal } = await openStore(dir);
  const wallets = store.ensureCollection('game', 'wallets');
  for (let i = 0; i < count; i += 1) store.insert(wallets, { _id: i, gold: i });
  await store.sync();
  await journal.close();
}

describe('Journal', () => {
  it('replays every synced write into a fresh store', async (context) => {
    const dir = await makeDataDir(context);
    await writeWallets(dir, 50);

    const { store, journal } = await openStore(dir);

    assert.equal(store.collection('game', 'wallets')?.docs.size, 50);
    await journal.close();
  });

  it('replays renames, index changes and drops', async (context) => {
    const dir = await makeDataDir(context);
    const first = await openStore(dir);
    const heroes = first.store.ensureCollection('game', 'heroes');
    first.store.createIndex(heroes, { v: 2, key: { name: 1 }, name: 'name_1', unique: true });
    first.store.insert(heroes, { _id: 1, name: 'Ada' });
    first.store.renameCollection(heroes, 'game', 'champions');
    first.store.insert(first.store.ensureCollection('game', 'scratch'), { _id: 1 });
    first.store.dropCollection('game', 'scratch');
    await first.store.sync();
    await first.journal.close();

    const { store, journal } = await openStore(dir);

    assert.deepEqual(store.collections('game').map((c) => c.name), ['champions']);
    assert.deepEqual([...(store.collection('game', 'champions')?.indexes.keys() ?? [])], [
      'name_1',
    ]);
    await journal.close();
  });

  it('drops a torn last record and keeps the records before it', async (context) => {
    const dir = await makeDataDir(context);
    await writeWallets(dir, 10);
    const intactBytes = (await stat(join(dir, 'journal.fray'))).size;
    await appendFile(join(dir, 'journal.fray'), Buffer.from([200, 0, 0, 0, 1, 2, 3]));

    const { store, journal } = await openStore(dir);

    assert.equal(store.collection('game', 'wallets')?.docs.size, 10);
    assert.equal((await stat(join(dir, 'journal.fray'))).size, intactBytes);
    await journal.close();
  });

  it('drops a last record whose checksum does not match', async (context) => {
    const dir = await makeDataDir(context);
    await writeWallets(dir, 3);
    await appendFile(join(dir, 'journal.fray'), Buffer.from([5, 0, 0, 0, 9, 9, 9, 9,
      5, 0, 0, 0, 0]));

    const { store, journal } = await openStore(dir);

    assert.equal(store.collection('game', 'wallets')?.docs.size, 3);
    await journal.close();
  });

  it('compacts a journal of repeated updates down to the current state', async (context) => {
    const dir = await makeDataDir(context);
    const { store, journal } = await openStore(dir, 4096);
    const wallets = store.ensureCollection('game', 'wallets');
    store.insert(wallets, { _id: 1, gold: 0 });
    for (let i = 1; i <= 500; i += 1) {
      store.replace(wallets, valueKey(1), { _id: 1, gold: i });
      await store.sync();
    }
    await journal.close();

    const reopened = await openStore(dir);

    assert.ok(journal.sizeBytes < 4096 * 3, `journal kept ${journal.sizeBytes} bytes`);
    assert.deepEqual(reopened.store.collection('game', 'wallets')?.docs.get(valueKey(1)), {
      _id: 1,
      gold: 500,
    });
    await reopened.journal.close();
  });

  it('takes over a lock left by an earlier process with the same pid', async (context) => {
    const dir = await makeDataDir(context);
    await writeFile(join(dir, 'mongod.lock'), `${process.pid} 1000`);

    const { journal } = await openStore(dir);

    assert.notEqual(await readFile(join(dir, 'mongod.lock'), 'utf8'), `${process.pid} 1000`);
    await journal.close();
  });

  it('refuses a data directory another live journal holds', async (context) => {
    const dir = await makeDataDir(context);
    const { journal } = await openStore(dir);

    const failure = await openStore(dir).catch((error: unknown) => error);

    assert.match(String(failure), /is in use by process/);
    await journal.close();
  });
});
