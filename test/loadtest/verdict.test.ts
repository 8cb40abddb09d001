import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXIT_CODES, verdict } from '../../loadtest/verdict.ts';
import { makeSummary } from './makeSummary.ts';

describe('verdict', () => {
  it('passes a test where nothing went wrong', () => {
    const summary = makeSummary();

    assert.equal(verdict(summary), EXIT_CODES.passed);
  });

  it('fails a test with a lost connection and no failed bot', () => {
    const summary = makeSummary({ errors: { CONNECTION_LOST: 1 } });

    assert.equal(verdict(summary), EXIT_CODES.failed);
  });

  it('fails a test with a failed bot and no error code', () => {
    const summary = makeSummary({ bots: { requested: 2, connected: 2, failed: 1, spectators: 0 } });

    assert.equal(verdict(summary), EXIT_CODES.failed);
  });

  it('fails a test whose server figures could not be read', () => {
    const summary = makeSummary({ server: { error: 'fetch failed' } });

    assert.equal(verdict(summary), EXIT_CODES.failed);
  });
});
