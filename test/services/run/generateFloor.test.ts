import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateFloor } from '../../../src/services/run/generateFloor.ts';
import { FLOOR } from '../../../src/core/balance/runs.ts';

const SEEDS = Array.from({ length: 200 }, (_, i) => i * 7919);

function count(rooms: string[], kind: string): number {
  return rooms.filter((room) => room === kind).length;
}

describe('generateFloor', () => {
  it('lays out a start, the shuffled middle and a boss', () => {
    const rooms = generateFloor(12345, 1);

    assert.equal(rooms.length, FLOOR.rooms);
    assert.equal(rooms[0], 'start');
    assert.equal(rooms.at(-1), 'boss');
    assert.equal(count(rooms, 'shop'), FLOOR.shops);
    assert.equal(count(rooms, 'rest'), FLOOR.rests);
    assert.equal(count(rooms, 'weak'), FLOOR.weakBattles);
    assert.equal(count(rooms, 'normal'), FLOOR.normalBattles);
  });

  it('never opens a floor with a shop or a rest', () => {
    for (const seed of SEEDS) {
      const firstRoom = generateFloor(seed, 1)[1];

      assert.ok(firstRoom === 'weak' || firstRoom === 'normal', `seed ${seed}: ${firstRoom}`);
    }
  });

  it('puts a shop before the last rest', () => {
    for (const seed of SEEDS) {
      const rooms = generateFloor(seed, 3);

      assert.ok(rooms.indexOf('shop') < rooms.lastIndexOf('rest'), `seed ${seed}`);
    }
  });

  it('replays the same floor from the same seed and floor number', () => {
    assert.deepEqual(generateFloor(99, 2), generateFloor(99, 2));
  });

  it('gives the next floor a different layout', () => {
    assert.notDeepEqual(generateFloor(99, 1), generateFloor(99, 2));
  });
});
