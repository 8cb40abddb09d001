import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { startTestDatabase, type TestDatabase } from '../support/database.ts';

const heroSchema = new mongoose.Schema({
  name: { type: String, required: true, unique: true },
  level: { type: Number, default: 1 },
  tags: [String],
});

function heroModel(connection: mongoose.Connection) {
  return connection.model('Hero', heroSchema);
}

describe('Embedded server through Mongoose', () => {
  let database: TestDatabase;
  let connection: mongoose.Connection;
  let Hero: ReturnType<typeof heroModel>;

  before(async () => {
    database = await startTestDatabase('mongoose_basics');
    connection = await mongoose.createConnection(database.uri).asPromise();
    Hero = heroModel(connection);
    await Hero.init();
  });

  after(async () => {
    await connection.close();
    await database.stop();
  });

  it('saves a document and reads it back', async () => {
    await Hero.create({ name: 'Ada', tags: ['mage'] });

    const found = await Hero.findOne({ name: 'Ada' }).lean();

    assert.equal(found?.level, 1);
    assert.deepEqual(found?.tags, ['mage']);
  });

  it('applies an atomic increment and returns the new document', async () => {
    await Hero.create({ name: 'Bram' });

    const updated = await Hero.findOneAndUpdate(
      { name: 'Bram' },
      { $inc: { level: 2 } },
      { returnDocument: 'after' },
    ).lean();

    assert.equal(updated?.level, 3);
  });

  it('reports a unique violation as a duplicate key error', async () => {
    await Hero.create({ name: 'Cleo' });

    const failure = await Hero.create({ name: 'Cleo' }).catch((error: unknown) => error);

    assert.equal((failure as { code?: number }).code, 11000);
    assert.match(String((failure as Error).message), /E11000 duplicate key error/);
  });

  it('reports a duplicate inside insertMany with its index', async () => {
    await Hero.create({ name: 'Dara' });

    const failure = await Hero.insertMany([{ name: 'Eve' }, { name: 'Dara' }])
      .catch((error: unknown) => error) as { code?: number; writeErrors?: unknown };

    assert.equal(failure.code, 11000);
    assert.equal(await Hero.countDocuments({ name: 'Eve' }), 1);
  });

  it('pushes to an array and sorts on it through model queries', async () => {
    await Hero.create([{ name: 'Finn', level: 4 }, { name: 'Gale', level: 9 }]);

    await Hero.updateOne({ name: 'Finn' }, { $push: { tags: 'tank' } });

    const ranked = await Hero.find({ name: { $in: ['Finn', 'Gale'] } }).sort({ level: -1 }).lean();
    assert.deepEqual(ranked.map((hero) => [hero.name, hero.tags]), [
      ['Gale', []],
      ['Finn', ['tank']],
    ]);
  });

  it('runs a mixed bulkWrite and reports each kind of change', async () => {
    await Hero.create([{ name: 'Hale' }, { name: 'Ivo' }]);

    const result = await Hero.bulkWrite([
      { insertOne: { document: { name: 'Juno' } } },
      { updateOne: { filter: { name: 'Hale' }, update: { $set: { level: 5 } } } },
      { deleteOne: { filter: { name: 'Ivo' } } },
    ]);

    assert.deepEqual(
      [result.insertedCount, result.modifiedCount, result.deletedCount],
      [1, 1, 1],
    );
  });

  it('synchronises indexes with the schema', async () => {
    const dropped = await Hero.syncIndexes();

    const names = (await Hero.listIndexes()).map((index: { name: string }) => index.name);
    assert.deepEqual(dropped, []);
    assert.deepEqual(names.sort(), ['_id_', 'name_1']);
  });
});
