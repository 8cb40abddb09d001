import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SeededRng, deriveSeed } from '../../src/core/rng.ts';

describe('SeededRng', () => {
  it('replays the same sequence from the same seed', () => {
    const first = new SeededRng(42);
    const second = new SeededRng(42);

    const drawn = Array.from({ length: 50 }, () => [first.float(), second.float()]);

    for (const [a, b] of drawn) assert.equal(a, b);
  });

  it('resumes from a saved state', () => {
    const rng = new SeededRng(9);
    rng.float();
    const resumed = SeededRng.fromState(rng.state());

    assert.equal(resumed.int(0, 1_000_000), rng.int(0, 1_000_000));
  });

  it('refuses a seed outside 32 unsigned bits', () => {
    assert.throws(() => new SeededRng(-1), /unsigned 32-bit integer, got -1/);
  });

  it('spreads neighbouring seeds apart', () => {
    const firsts = [0, 1, 2, 3].map((seed) => new SeededRng(seed).float());

    assert.equal(new Set(firsts.map((x) => x.toFixed(3))).size, 4);
  });

  it('derives distinct seeds for distinct labels', () => {
    assert.notEqual(deriveSeed(5, 'floor:1'), deriveSeed(5, 'floor:2'));
  });
});
