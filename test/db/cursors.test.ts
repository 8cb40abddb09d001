import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CommandStartedEvent } from 'mongodb';
import { useTestDatabase } from '../support/database.ts';

describe('Cursors through the driver', () => {
  const database = useTestDatabase('cursors', { monitorCommands: true });

  function recordCommands(): CommandStartedEvent[] {
    const started: CommandStartedEvent[] = [];
    database.client().on('commandStarted', (event) => started.push(event));
    return started;
  }

  it('returns every document across several getMore batches, in order', async () => {
    const items = database.freshCollection<{ _id: number }>();
    await items.insertMany(Array.from({ length: 230 }, (_, i) => ({ _id: i })));
    const started = recordCommands();

    const all = await items.find().sort({ _id: 1 }).batchSize(50).toArray();

    assert.deepEqual(all.map((doc) => doc._id), Array.from({ length: 230 }, (_, i) => i));
    assert.equal(started.filter((event) => event.commandName === 'getMore').length, 4);
  });

  it('splits a result over 16 MiB into batches the driver can receive', async () => {
    const blobs = database.freshCollection<{ _id: number; blob: string }>();
    const blob = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 20; i += 1) await blobs.insertOne({ _id: i, blob });
    const started = recordCommands();

    const all = await blobs.find().toArray();

    assert.equal(all.length, 20);
    assert.ok(started.some((event) => event.commandName === 'getMore'));
  });

  it('kills a cursor closed before its end', async () => {
    const items = database.freshCollection<{ _id: number }>();
    await items.insertMany(Array.from({ length: 20 }, (_, i) => ({ _id: i })));
    const cursor = items.find().batchSize(5);
    await cursor.next();
    const id = cursor.id;

    await cursor.close();

    const reply = await database.db().command({ getMore: id, collection: items.collectionName })
      .catch((error: { code?: number }) => error);
    assert.equal((reply as { code?: number }).code, 43);
  });

  it('aggregates through a cursor fetched in batches', async () => {
    const items = database.freshCollection<{ _id: number }>();
    await items.insertMany(Array.from({ length: 120 }, (_, i) => ({ _id: i })));

    const evens = await items
      .aggregate([{ $match: { _id: { $mod: [2, 0] } } }], { batchSize: 10 })
      .toArray();

    assert.equal(evens.length, 60);
  });
});
