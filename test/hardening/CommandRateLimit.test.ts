import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CommandRateLimit } from '../../src/rooms/run/CommandRateLimit.ts';

function limiter(clock: { nowMs: number }) {
  return new CommandRateLimit({ softPerS: 2, hardPerS: 4 }, () => clock.nowMs);
}

describe('CommandRateLimit', () => {
  it('allows up to the soft limit, rejects past it, drops once past the hard limit', () => {
    const rate = limiter({ nowMs: 0 });

    const verdicts = Array.from({ length: 7 }, () => rate.check('s1'));

    assert.deepEqual(verdicts, ['allow', 'allow', 'reject', 'reject', 'drop', 'ignore', 'ignore']);
  });

  it('starts a fresh window after one second', () => {
    const clock = { nowMs: 0 };
    const rate = limiter(clock);
    rate.check('s1');
    rate.check('s1');

    clock.nowMs = 1_000;

    assert.equal(rate.check('s1'), 'allow');
  });

  it('counts each client on its own', () => {
    const rate = limiter({ nowMs: 0 });
    for (let i = 0; i < 3; i++) rate.check('s1');

    assert.equal(rate.check('s2'), 'allow');
  });

  it('forgets a dropped client that comes back', () => {
    const rate = limiter({ nowMs: 0 });
    for (let i = 0; i < 5; i++) rate.check('s1');

    rate.forget('s1');

    assert.equal(rate.check('s1'), 'allow');
  });
});
