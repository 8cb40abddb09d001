import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MongoServerError } from 'mongodb';
import { useTestDatabase } from '../support/database.ts';

describe('Server errors through the driver', () => {
  const database = useTestDatabase('errors');

  it('answers an unknown command with CommandNotFound', async () => {
    const failure = await database.db().command({ frobnicate: 1 }).catch((error) => error);

    assert.ok(failure instanceof MongoServerError);
    assert.equal(failure.code, 59);
    assert.equal(failure.codeName, 'CommandNotFound');
  });

  it('refuses a transaction the way a standalone server does', async (context) => {
    const hello = await database.db().admin().command({ hello: 1 });
    if (hello.setName || hello.msg === 'isdbgrid') {
      context.skip('MONGODB_URI points at a replica set or mongos, where transactions work');
      return;
    }
    const items = database.freshCollection();
    const session = database.client().startSession();

    const failure = await session
      .withTransaction(() => items.insertOne({ a: 1 }, { session }))
      .catch((error) => error)
      .finally(() => session.endSession());

    // The driver rewrites mongod's code 20 reply into this advice about retryable writes.
    assert.ok(failure instanceof MongoServerError);
    assert.match(failure.message, /does not support retryable writes/);
    assert.equal(await items.countDocuments(), 0);
  });

  it('answers a malformed filter with an error and keeps serving', async () => {
    const items = database.freshCollection();
    await items.insertOne({ a: 1 });

    const failure = await items.find({ a: { $nope: 1 } }).toArray().catch((error) => error);

    assert.ok(failure instanceof MongoServerError);
    assert.equal(await items.countDocuments(), 1);
  });

  it('answers a find on a missing collection with no documents', async () => {
    const missing = database.freshCollection();

    const found = await missing.find({}).toArray();

    assert.deepEqual(found, []);
  });
});
