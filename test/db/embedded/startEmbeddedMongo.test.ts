import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { startEmbeddedMongo } from '../../../src/db/embedded/index.ts';

describe('startEmbeddedMongo', () => {
  it('serves from a worker thread and refuses its directory to another thread', async (context) => {
    const dbPath = await mkdtemp(join(tmpdir(), 'fray-start-'));
    const server = await startEmbeddedMongo({ dbPath });
    context.after(async () => {
      await server.stop();
      await rm(dbPath, { recursive: true, force: true });
    });

    const second = await startEmbeddedMongo({ dbPath, thread: 'main' }).catch((error) => error);

    assert.match(String(second), /is in use by process/);
    const client = await new MongoClient(server.uri).connect();
    assert.deepEqual(await client.db('admin').command({ ping: 1 }), { ok: 1 });
    await client.close();
  });
});
