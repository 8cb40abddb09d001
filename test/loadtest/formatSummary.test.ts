import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatSummary } from '../../loadtest/formatSummary.ts';
import { makeSummary } from './makeSummary.ts';

const LOST = 'CONNECTION_LOST: Bot "lt_0" lost its connection to room "r_1" (close code 1006)';
const METRICS = 'METRICS_UNAVAILABLE: GET /metrics failed: fetch failed';

describe('formatSummary', () => {
  it('prints each failure sample under the error counts', () => {
    const errors = { CONNECTION_LOST: 1, METRICS_UNAVAILABLE: 1 };
    const summary = makeSummary({ errors, failureSamples: [LOST, METRICS] });

    const lines = formatSummary(summary).split('\n');

    const counts = lines.findIndex((line) => line.includes('errors {"CONNECTION_LOST":1'));
    assert.ok(counts > 0);
    assert.deepEqual(lines.slice(counts + 1, counts + 3), [
      `    failure: ${LOST}`,
      `    failure: ${METRICS}`,
    ]);
  });

  it('prints no failure line when nothing failed', () => {
    const text = formatSummary(makeSummary());

    assert.doesNotMatch(text, /failure:/);
  });
});
