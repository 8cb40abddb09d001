import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boost, describeModifiers } from '../../../src/plugins/builtins/modifiers.ts';

describe('describeModifiers', () => {
  it('writes percentages for plain stats and points for rates', () => {
    const modifiers = [boost('atk', 0.1), boost('spd', -0.05), boost('critRate', 0.02)];

    const text = describeModifiers(modifiers);

    assert.equal(text, 'atk +10 %, spd −5 %, crit rate +2 points');
  });

  it('writes a flat bonus on a plain stat as a number', () => {
    const text = describeModifiers([{ stat: 'maxHp', flat: 150 }]);

    assert.equal(text, 'max hp +150');
  });
});

describe('boost', () => {
  it('makes rate stats flat and the others percentages', () => {
    const made = [boost('dodge', 0.1), boost('def', 0.1)];

    assert.deepEqual(made, [{ stat: 'dodge', flat: 0.1 }, { stat: 'def', percent: 0.1 }]);
  });
});
