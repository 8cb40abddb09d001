import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDatabase } from '../support/database.ts';

const WRITERS = 100;

describe('Concurrent writes through the driver', () => {
  const database = useTestDatabase('concurrency', { maxPoolSize: WRITERS });

  it('applies 100 concurrent $inc on one document to the exact total', async () => {
    const wallets = database.freshCollection<{ _id: string; gold: number }>();
    await wallets.insertOne({ _id: 'w', gold: 0 });

    await Promise.all(Array.from({ length: WRITERS }, () =>
      wallets.updateOne({ _id: 'w' }, { $inc: { gold: 1 } })));

    assert.equal((await wallets.findOne({ _id: 'w' }))?.gold, WRITERS);
  });

  it('lets a conditional spend succeed only while the balance covers it', async () => {
    const wallets = database.freshCollection<{ _id: string; gold: number }>();
    await wallets.insertOne({ _id: 'w', gold: 35 });

    const results = await Promise.all(Array.from({ length: WRITERS }, () =>
      wallets.findOneAndUpdate(
        { _id: 'w', gold: { $gte: 10 } },
        { $inc: { gold: -10 } },
        { returnDocument: 'after' },
      )));

    assert.equal(results.filter((doc) => doc !== null).length, 3);
    assert.equal((await wallets.findOne({ _id: 'w' }))?.gold, 5);
  });
});
