import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeStats, diminish } from '../../src/battle/stats.ts';
import {
  DEFAULT_STATS,
  DIMINISHING_KNEE_PERCENT,
  DIMINISHING_SPAN_PERCENT,
  STAT_BOUNDS,
} from '../../src/core/balance/battle.ts';

describe('computeStats', () => {
  it('gives every stat its default with no base stats and no modifiers', () => {
    assert.deepEqual(computeStats({}, []), DEFAULT_STATS);
  });

  it('takes defaults for unset base stats', () => {
    const stats = computeStats({ atk: 150 }, []);

    assert.equal(stats.atk, 150);
    assert.equal(stats.def, DEFAULT_STATS.def);
  });

  it('adds flats before percentages', () => {
    const stats = computeStats({ atk: 100 }, [
      { stat: 'atk', flat: 20, kind: 'upgrade' },
      { stat: 'atk', percent: 0.5, kind: 'card' },
    ]);

    assert.equal(stats.atk, 180);
  });

  it('adds percentages within a kind and multiplies across kinds', () => {
    const sameKind = computeStats({ atk: 100 }, [
      { stat: 'atk', percent: 0.1, kind: 'card' },
      { stat: 'atk', percent: 0.2, kind: 'card' },
    ]);
    const twoKinds = computeStats({ atk: 100 }, [
      { stat: 'atk', percent: 0.1, kind: 'card' },
      { stat: 'atk', percent: 0.2, kind: 'relic' },
    ]);

    assert.equal(Math.round(sameKind.atk * 1e6), 130e6);
    assert.equal(Math.round(twoKinds.atk * 1e6), 132e6);
  });

  it('applies modifiers to any combatant the same way, foes included', () => {
    const modifiers = [{ stat: 'def' as const, percent: 0.5, kind: 'adjective' as const }];

    assert.equal(computeStats({ def: 40 }, modifiers).def, 60);
  });

  it('caps runaway stacking with diminishing returns', () => {
    const stats = computeStats({ atk: 100 }, [{ stat: 'atk', percent: 100, kind: 'relic' }]);

    const ceiling = 100 * (1 + DIMINISHING_KNEE_PERCENT + DIMINISHING_SPAN_PERCENT);
    assert.ok(stats.atk < ceiling);
    assert.ok(stats.atk > 100 * (1 + DIMINISHING_KNEE_PERCENT));
  });

  it('counts percentages up to the knee in full', () => {
    assert.equal(diminish(DIMINISHING_KNEE_PERCENT), DIMINISHING_KNEE_PERCENT);
    assert.ok(diminish(DIMINISHING_KNEE_PERCENT + 1) < DIMINISHING_KNEE_PERCENT + 1);
  });

  it('clamps dodge to its bound and critDamage to at least 1', () => {
    const stats = computeStats({ dodge: 0.9, critDamage: 0.5 }, []);

    assert.equal(stats.dodge, STAT_BOUNDS.dodge[1]);
    assert.equal(stats.critDamage, 1);
  });

  it('never lets a negative percentage push a stat below its floor', () => {
    const stats = computeStats({ spd: 100 }, [{ stat: 'spd', percent: -3, kind: 'effect' }]);

    assert.equal(stats.spd, STAT_BOUNDS.spd[0]);
  });
});
