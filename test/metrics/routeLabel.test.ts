import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { routeLabel } from '../../src/metrics/routeLabel.ts';

describe('routeLabel', () => {
  it('keeps a static route and drops its query string', () => {
    assert.equal(routeLabel('/api/gacha/history?limit=5'), '/api/gacha/history');
  });

  it('replaces ids with their template parameter', () => {
    assert.equal(routeLabel('/api/runs/r_42/abandon'), '/api/runs/:runId/abandon');
  });

  it('names the matchmaking method but not the room', () => {
    assert.equal(routeLabel('/matchmake/joinById/r_42'), '/matchmake/joinById/:target');
  });

  it('labels every unknown path alike so clients cannot mint series', () => {
    assert.equal(routeLabel('/matchmake/anything/r_1'), 'other');
  });
});
