import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EffectTrack } from '../../src/battle/EffectTrack.ts';

describe('EffectTrack', () => {
  it('sums the per-tick amounts of independent stacks', () => {
    const track = new EffectTrack('burn', 0, false, 3);

    track.add(10, 2, 0, 1);
    track.add(7, 1, 0, 1);

    assert.equal(track.perTick, 27);
    assert.equal(track.stacks, 3);
  });

  it('expires stacks after the victim’s third action', () => {
    const track = new EffectTrack('burn', 0, false, 3);
    track.add(10, 1, 0, 1);

    const expired = [1, 2, 3].map((action) => track.expire(action));

    assert.deepEqual(expired, [0, 0, 1]);
    assert.equal(track.perTick, 0);
  });

  it('keeps stacks applied at different times on their own clocks', () => {
    const track = new EffectTrack('burn', 0, false, 3);
    track.add(10, 1, 0, 1);
    track.add(5, 1, 1, 1);

    track.expire(3);

    assert.equal(track.perTick, 5);
    assert.equal(track.stacks, 1);
  });

  it('counts the damage still due from every stack', () => {
    const track = new EffectTrack('burn', 0, false, 3);
    track.add(10, 1, 0, 1);
    track.add(4, 1, 1, 1);

    assert.equal(track.remaining(1), 10 * 2 + 4 * 3);
  });

  it('ticks 800 stacks in one step', () => {
    const track = new EffectTrack('burn', 0, false, 3);
    for (let i = 0; i < 800; i++) track.add(1 + (i % 3), 1, i % 3, 1);

    assert.equal(track.stacks, 800);
    assert.equal(track.perTick, 1599);
  });
});
