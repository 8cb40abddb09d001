import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MongoBulkWriteError, MongoClient, MongoServerError } from 'mongodb';
import { useTestDatabase } from '../support/database.ts';

describe('CRUD through the driver', () => {
  const database = useTestDatabase('crud');

  it('finds documents by filter, sorted on a nested field, with a projection', async () => {
    const heroes = database.freshCollection();
    await heroes.insertMany([
      { name: 'Ada', stats: { hp: 30, atk: 4 } },
      { name: 'Bram', stats: { hp: 50, atk: 2 } },
      { name: 'Cleo', stats: { hp: 10, atk: 9 } },
    ]);

    const found = await heroes
      .find({ 'stats.hp': { $gte: 20 } }, { projection: { _id: 0, name: 1, 'stats.hp': 1 } })
      .sort({ 'stats.hp': -1 })
      .toArray();

    assert.deepEqual(found, [
      { name: 'Bram', stats: { hp: 50 } },
      { name: 'Ada', stats: { hp: 30 } },
    ]);
  });

  it('pages through a sort with skip and limit', async () => {
    const items = database.freshCollection<{ _id: number }>();
    await items.insertMany([5, 3, 1, 4, 2].map((n) => ({ _id: n })));

    const page = await items.find().sort({ _id: 1 }).skip(1).limit(2).toArray();

    assert.deepEqual(page, [{ _id: 2 }, { _id: 3 }]);
  });

  it('keeps inserting after a duplicate _id when the batch is unordered', async () => {
    const items = database.freshCollection<{ _id: number }>();

    const failure = await items
      .insertMany([{ _id: 1 }, { _id: 1 }, { _id: 2 }], { ordered: false })
      .catch((error: unknown) => error);

    assert.ok(failure instanceof MongoBulkWriteError);
    const errors = [failure.writeErrors].flat().map((error) => [error.index, error.code]);
    assert.deepEqual(errors, [[1, 11000]]);
    assert.equal(await items.countDocuments(), 2);
  });

  it('stops an ordered batch at the first duplicate _id', async () => {
    const items = database.freshCollection<{ _id: number }>();

    await items.insertMany([{ _id: 1 }, { _id: 1 }, { _id: 2 }]).catch(() => undefined);

    assert.deepEqual(await items.find().toArray(), [{ _id: 1 }]);
  });

  it('deletes one or many documents and reports the counts', async () => {
    const items = database.freshCollection();
    await items.insertMany([{ kind: 'a' }, { kind: 'a' }, { kind: 'a' }, { kind: 'b' }]);

    const one = await items.deleteOne({ kind: 'a' });
    const many = await items.deleteMany({ kind: 'a' });

    assert.deepEqual([one.deletedCount, many.deletedCount], [1, 2]);
    assert.equal(await items.countDocuments(), 1);
  });

  it('counts and lists distinct values, flattening arrays', async () => {
    const items = database.freshCollection();
    await items.insertMany([{ tags: ['a', 'b'], n: 1 }, { tags: ['b', 'c'], n: 2 }, { n: 3 }]);

    const count = await items.countDocuments({ n: { $gt: 1 } });
    const tags = await items.distinct('tags');

    assert.equal(count, 2);
    assert.deepEqual([...tags].sort(), ['a', 'b', 'c']);
  });

  it('replaces a document and keeps its _id', async () => {
    const items = database.freshCollection();
    const { insertedId } = await items.insertOne({ name: 'old', extra: true });

    await items.replaceOne({ _id: insertedId }, { name: 'new' });

    assert.deepEqual(await items.findOne({ _id: insertedId }), { _id: insertedId, name: 'new' });
  });

  it('refuses an update that changes _id', async () => {
    const items = database.freshCollection<{ _id: number }>();
    await items.insertOne({ _id: 1 });

    const failure = await items.updateOne({ _id: 1 }, { $set: { _id: 2 } }).catch((e) => e);

    assert.ok(failure instanceof MongoServerError);
    assert.equal(failure.code, 66);
  });

  it('returns the removed document from findOneAndDelete', async () => {
    const items = database.freshCollection();
    await items.insertMany([{ rank: 2 }, { rank: 1 }]);

    const removed = await items.findOneAndDelete({}, { sort: { rank: 1 }, projection: { _id: 0 } });

    assert.deepEqual(removed, { rank: 1 });
    assert.equal(await items.countDocuments(), 1);
  });

  it('stores and matches dates, ObjectIds, booleans and nulls', async () => {
    const items = database.freshCollection();
    const at = new Date('2026-01-02T03:04:05Z');
    await items.insertMany([{ at, flag: true, gone: null }, { at: new Date(0), flag: false }]);

    const found = await items.findOne({ at: { $gt: new Date(1000) }, flag: true, gone: null });

    assert.deepEqual(found?.at, at);
    assert.equal(await items.countDocuments({ gone: null }), 2);
  });

  it('renames a collection with its documents and indexes', async () => {
    const source = database.freshCollection();
    await source.createIndex({ name: 1 }, { unique: true });
    await source.insertOne({ name: 'Ada' });
    const targetName = `${source.collectionName}_renamed`;

    const renamed = await source.rename(targetName);

    assert.equal(await renamed.countDocuments({ name: 'Ada' }), 1);
    const failure = await renamed.insertOne({ name: 'Ada' }).catch((error) => error);
    assert.equal((failure as MongoServerError).code, 11000);
  });

  it('applies an unacknowledged write before the next command on its connection', async () => {
    const client = new MongoClient(database.uri(), { maxPoolSize: 1 });
    const items = client.db().collection(`w0_${Date.now()}`);

    await items.insertOne({ quiet: true }, { writeConcern: { w: 0 } });

    assert.equal(await items.countDocuments({ quiet: true }), 1);
    await client.close();
  });

  it('refuses an array as _id', async () => {
    const items = database.freshCollection();

    const failure = await items.insertOne({ _id: [1, 2] } as never).catch((error) => error);

    assert.equal((failure as MongoServerError).code, 2);
    assert.equal(await items.countDocuments(), 0);
  });
});
