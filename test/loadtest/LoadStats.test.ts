import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Latency, LoadStats } from '../../loadtest/LoadStats.ts';

describe('Latency', () => {
  it('reports percentiles in milliseconds to three significant digits', () => {
    const latency = new Latency();

    for (let ms = 1; ms <= 100; ms += 1) latency.record(ms);

    const summary = latency.summary();
    const rounded = [summary.p50, summary.p99, summary.max].map(Math.round);
    assert.equal(summary.count, 100);
    assert.deepEqual(rounded, [50, 99, 100]);
  });
});

describe('LoadStats', () => {
  it('counts errors by code and the bots that failed', () => {
    const stats = new LoadStats();

    stats.fail('TIMEOUT', 'bot_1');
    stats.fail('TIMEOUT', 'bot_1');
    stats.fail('ROOM_FULL');

    assert.deepEqual(Object.fromEntries(stats.errors), { TIMEOUT: 2, ROOM_FULL: 1 });
    assert.equal(stats.failedBots.size, 1);
  });
});
