import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeResult, encodeResult } from '../../../src/services/gacha/resultCodes.ts';
import type { PullResult } from '../../../src/services/gacha/rollPull.ts';

describe('resultCodes', () => {
  it('round-trips characters, featured characters and items', () => {
    const results: PullResult[] = [
      { kind: 'character', characterId: 'aster-wynn', rarity: 5, isFeatured: true },
      { kind: 'character', characterId: 'moss-tallow', rarity: 5, isFeatured: false },
      { kind: 'character', characterId: 'six-star', rarity: 6, isFeatured: false },
      { kind: 'item', itemId: 'Lightning-4', element: 'Lightning', stars: 4 },
    ];

    const decoded = results.map(encodeResult).map(decodeResult);

    assert.deepEqual(decoded, results);
  });

  it('refuses a code it did not write', () => {
    assert.throws(() => decodeResult('x:nothing'), /malformed/);
    assert.throws(() => decodeResult('i:Generic-9'), /malformed/);
  });
});
