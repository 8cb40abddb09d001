import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDatabase } from '../support/database.ts';

describe('Aggregation through the driver', () => {
  const database = useTestDatabase('aggregation');

  async function seedPulls() {
    const pulls = database.freshCollection();
    await pulls.insertMany([
      { player: 'p1', rarity: 'rare', cost: 10, tags: ['x', 'y'] },
      { player: 'p1', rarity: 'common', cost: 5, tags: ['x'] },
      { player: 'p2', rarity: 'rare', cost: 10, tags: [] },
      { player: 'p2', rarity: 'rare', cost: 20, tags: ['y'] },
    ]);
    return pulls;
  }

  it('groups, sorts, projects and limits', async () => {
    const pulls = await seedPulls();

    const top = await pulls.aggregate([
      { $match: { rarity: 'rare' } },
      { $group: { _id: '$player', spent: { $sum: '$cost' }, pulls: { $sum: 1 } } },
      { $sort: { spent: -1 } },
      { $project: { _id: 0, player: '$_id', spent: 1, pulls: 1 } },
      { $limit: 1 },
    ]).toArray();

    assert.deepEqual(top, [{ player: 'p2', spent: 30, pulls: 2 }]);
  });

  it('unwinds arrays into one document per element', async () => {
    const pulls = await seedPulls();

    const counts = await pulls.aggregate([
      { $unwind: '$tags' },
      { $group: { _id: '$tags', n: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ]).toArray();

    assert.deepEqual(counts, [{ _id: 'x', n: 2 }, { _id: 'y', n: 2 }]);
  });

  it('joins another collection with $lookup', async () => {
    const players = database.freshCollection();
    const runs = database.freshCollection();
    await players.insertMany([{ _id: 'p1', name: 'Ada' }, { _id: 'p2', name: 'Bram' }] as never);
    await runs.insertMany([{ owner: 'p1', floor: 3 }, { owner: 'p1', floor: 5 }]);

    const joined = await players.aggregate([
      { $lookup: { from: runs.collectionName, localField: '_id', foreignField: 'owner',
        as: 'runs' } },
      { $project: { name: 1, floors: '$runs.floor' } },
      { $sort: { _id: 1 } },
    ]).toArray();

    assert.deepEqual(joined, [
      { _id: 'p1', name: 'Ada', floors: [3, 5] },
      { _id: 'p2', name: 'Bram', floors: [] },
    ]);
  });

  it('counts documents with countDocuments, which runs an aggregation', async () => {
    const pulls = await seedPulls();

    const rare = await pulls.countDocuments({ rarity: 'rare' }, { skip: 1 });

    assert.equal(rare, 2);
  });
});
