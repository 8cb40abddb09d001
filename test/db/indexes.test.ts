import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MongoServerError } from 'mongodb';
import { useTestDatabase } from '../support/database.ts';

describe('Indexes through the driver', () => {
  const database = useTestDatabase('indexes');

  it('reports a unique violation as E11000 with the key pattern and value', async () => {
    const players = database.freshCollection();
    await players.createIndex({ name: 1 }, { unique: true });
    await players.insertOne({ name: 'Ada' });

    const failure = await players.insertOne({ name: 'Ada' }).catch((error) => error);

    assert.ok(failure instanceof MongoServerError);
    assert.equal(failure.code, 11000);
    assert.deepEqual(failure.keyPattern, { name: 1 });
    assert.deepEqual(failure.keyValue, { name: 'Ada' });
  });

  it('enforces a compound unique index on the combination only', async () => {
    const owned = database.freshCollection();
    await owned.createIndex({ player: 1, hero: 1 }, { unique: true });
    await owned.insertMany([{ player: 'p1', hero: 'a' }, { player: 'p1', hero: 'b' }]);

    const failure = await owned.insertOne({ player: 'p1', hero: 'a' }).catch((error) => error);

    assert.equal((failure as MongoServerError).code, 11000);
    assert.equal(await owned.countDocuments(), 2);
  });

  it('rejects an update that would duplicate a unique key', async () => {
    const players = database.freshCollection();
    await players.createIndex({ name: 1 }, { unique: true });
    await players.insertMany([{ name: 'Ada' }, { name: 'Bram' }]);

    const failure = await players
      .updateOne({ name: 'Bram' }, { $set: { name: 'Ada' } })
      .catch((error) => error);

    assert.equal((failure as MongoServerError).code, 11000);
    assert.equal(await players.countDocuments({ name: 'Bram' }), 1);
  });

  it('refuses to build a unique index over duplicate data', async () => {
    const players = database.freshCollection();
    await players.insertMany([{ name: 'Ada' }, { name: 'Ada' }]);

    const failure = await players.createIndex({ name: 1 }, { unique: true }).catch((e) => e);

    assert.equal((failure as MongoServerError).code, 11000);
  });

  it('lists and drops indexes', async () => {
    const players = database.freshCollection();
    await players.createIndex({ rating: -1 });
    await players.createIndex({ name: 1 }, { unique: true, name: 'by_name' });

    await players.dropIndex('rating_-1');

    const indexes = await players.listIndexes().toArray();
    assert.deepEqual(indexes.map((index) => [index.name, index.unique ?? false]), [
      ['_id_', false],
      ['by_name', true],
    ]);
  });

  it('treats an identical index request as already existing', async () => {
    const players = database.freshCollection();
    await players.createIndex({ rating: -1 });

    const name = await players.createIndex({ rating: -1 });

    assert.equal(name, 'rating_-1');
    assert.equal((await players.listIndexes().toArray()).length, 2);
  });

  it('answers listIndexes on a missing collection with NamespaceNotFound', async () => {
    const missing = database.freshCollection();

    const failure = await missing.listIndexes().toArray().catch((error) => error);

    assert.equal((failure as MongoServerError).code, 26);
  });
});
