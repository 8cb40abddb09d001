import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MongoServerError, type Document } from 'mongodb';
import { useTestDatabase } from '../support/database.ts';

type Item = Document & { _id: number };

describe('Update operators through the driver', () => {
  const database = useTestDatabase('update_operators');

  async function updated(start: Document, update: Document, arrayFilters?: Document[]) {
    const items = database.freshCollection<Item>();
    await items.insertOne({ _id: 1, ...start });
    await items.updateOne({ _id: 1 }, update, arrayFilters ? { arrayFilters } : {});
    return items.findOne({ _id: 1 }, { projection: { _id: 0 } });
  }

  it('sets nested fields, creating the path', async () => {
    const doc = await updated({ a: 1 }, { $set: { 'b.c': 2, a: 3 } });

    assert.deepEqual(doc, { a: 3, b: { c: 2 } });
  });

  it('increments existing and missing fields', async () => {
    const doc = await updated({ gold: 5 }, { $inc: { gold: -2, gems: 4 } });

    assert.deepEqual(doc, { gold: 3, gems: 4 });
  });

  it('pushes several values with $each', async () => {
    const doc = await updated({ log: ['a'] }, { $push: { log: { $each: ['b', 'c'] } } });

    assert.deepEqual(doc, { log: ['a', 'b', 'c'] });
  });

  it('pulls the array elements matching a condition', async () => {
    const start = { items: [{ id: 1, qty: 0 }, { id: 2, qty: 5 }, { id: 3, qty: 1 }] };

    const doc = await updated(start, { $pull: { items: { qty: { $lt: 2 } } } });

    assert.deepEqual(doc, { items: [{ id: 2, qty: 5 }] });
  });

  it('adds to a set only the values it lacks', async () => {
    const doc = await updated({ tags: ['a'] }, { $addToSet: { tags: { $each: ['a', 'b'] } } });

    assert.deepEqual(doc, { tags: ['a', 'b'] });
  });

  it('unsets fields', async () => {
    const doc = await updated({ a: 1, b: { c: 2, d: 3 } }, { $unset: { a: '', 'b.c': '' } });

    assert.deepEqual(doc, { b: { d: 3 } });
  });

  it('keeps the lower with $min and the higher with $max', async () => {
    const doc = await updated({ low: 5, high: 5 }, { $min: { low: 3 }, $max: { high: 2 } });

    assert.deepEqual(doc, { low: 3, high: 5 });
  });

  it('updates the matched array element through the positional operator', async () => {
    const items = database.freshCollection<Item>();
    await items.insertOne({ _id: 1, party: [{ id: 'a', hp: 1 }, { id: 'b', hp: 1 }] });

    await items.updateOne({ _id: 1, 'party.id': 'b' }, { $set: { 'party.$.hp': 9 } });

    const doc = await items.findOne({ _id: 1 });
    assert.deepEqual(doc?.party, [{ id: 'a', hp: 1 }, { id: 'b', hp: 9 }]);
  });

  it('updates every element an array filter selects', async () => {
    const start = { cards: [{ rank: 1, up: 0 }, { rank: 3, up: 0 }, { rank: 4, up: 0 }] };

    const doc = await updated(start, { $inc: { 'cards.$[c].up': 1 } }, [{ 'c.rank': { $gte: 3 } }]);

    assert.deepEqual(doc?.cards.map((card: Document) => card.up), [0, 1, 1]);
  });

  it('builds an upserted document from the filter, $set and $setOnInsert', async () => {
    const items = database.freshCollection();

    const result = await items.updateOne(
      { name: 'Ada', level: { $gte: 1 } },
      { $set: { gold: 5 }, $setOnInsert: { level: 1 } },
      { upsert: true },
    );

    assert.equal(result.upsertedCount, 1);
    const doc = await items.findOne({ _id: result.upsertedId ?? undefined }, {
      projection: { _id: 0 },
    });
    assert.deepEqual(doc, { name: 'Ada', gold: 5, level: 1 });
  });

  it('ignores $setOnInsert when the upsert matches a document', async () => {
    const items = database.freshCollection<Item>();
    await items.insertOne({ _id: 1, level: 7 });

    await items.updateOne(
      { _id: 1 },
      { $setOnInsert: { level: 1 }, $set: { seen: true } },
      { upsert: true },
    );

    assert.deepEqual(await items.findOne({ _id: 1 }), { _id: 1, level: 7, seen: true });
  });

  it('updates every match with updateMany and reports matched and modified', async () => {
    const items = database.freshCollection();
    await items.insertMany([{ team: 'x', hp: 1 }, { team: 'x', hp: 2 }, { team: 'y', hp: 1 }]);

    const result = await items.updateMany({ team: 'x' }, { $set: { hp: 2 } });

    assert.deepEqual([result.matchedCount, result.modifiedCount], [2, 1]);
  });

  it('refuses $inc on a non-numeric field', async () => {
    const items = database.freshCollection<Item>();
    await items.insertOne({ _id: 1, gold: 'lots' });

    const failure = await items.updateOne({ _id: 1 }, { $inc: { gold: 1 } }).catch((e) => e);

    assert.ok(failure instanceof MongoServerError);
    assert.equal(failure.code, 14);
  });

  it('refuses an unknown update operator', async () => {
    const items = database.freshCollection<Item>();
    await items.insertOne({ _id: 1 });

    const failure = await items.updateOne({ _id: 1 }, { $frobnicate: { a: 1 } }).catch((e) => e);

    assert.ok(failure instanceof MongoServerError);
    assert.equal(failure.code, 9);
  });
});
