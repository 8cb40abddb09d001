import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MongoServerError } from 'mongodb';
import { useTestDatabase } from '../support/database.ts';

describe('Collections and databases through the driver', () => {
  const database = useTestDatabase('collections');

  it('creates a collection and refuses to create it twice with NamespaceExists', async () => {
    const name = database.freshCollection().collectionName;
    await database.db().createCollection(name);

    const failure = await database.db().createCollection(name).catch((error) => error);

    assert.ok(failure instanceof MongoServerError);
    assert.equal(failure.code, 48);
  });

  it('lists collections, filtered by name', async () => {
    const items = database.freshCollection();
    await items.insertOne({ a: 1 });

    const listed = await database.db()
      .listCollections({ name: items.collectionName }, { nameOnly: true })
      .toArray();

    assert.deepEqual(listed.map((info) => info.name), [items.collectionName]);
  });

  it('drops a collection with its documents', async () => {
    const items = database.freshCollection();
    await items.insertOne({ a: 1 });

    const dropped = await items.drop();

    assert.equal(dropped, true);
    assert.equal(await items.countDocuments(), 0);
    const listed = await database.db().listCollections({ name: items.collectionName }).toArray();
    assert.deepEqual(listed, []);
  });

  it('lists a database once it holds data and forgets it when dropped', async () => {
    const other = database.client().db(`${database.db().databaseName}_extra`);
    await other.collection('things').insertOne({ a: 1 });
    const names = async () =>
      (await database.client().db().admin().listDatabases()).databases.map((db) => db.name);

    const before = await names();
    await other.dropDatabase();
    const after = await names();

    assert.ok(before.includes(other.databaseName));
    assert.ok(!after.includes(other.databaseName));
  });
});
