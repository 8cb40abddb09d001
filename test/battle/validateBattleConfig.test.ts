import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateBattleConfig } from '../../src/battle/validateBattleConfig.ts';
import { makeBattleContent, makeConfig, makeSpec } from '../support/battleContent.ts';

describe('validateBattleConfig', () => {
  it('accepts a well-formed config', () => {
    const result = validateBattleConfig(makeConfig());

    assert.equal(result.ok, true);
  });

  it('refuses a negative seed, naming the field', () => {
    const result = validateBattleConfig(makeConfig({ seed: -1 }));

    assert.deepEqual(result, {
      ok: false,
      field: 'seed',
      message: 'Battle config is invalid: seed must be an unsigned 32-bit integer, got -1',
    });
  });

  it('refuses an empty party', () => {
    const result = validateBattleConfig(makeConfig({ party: [] }));

    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.field, 'party');
  });

  it('refuses six foes', () => {
    const foes = Array.from({ length: 6 }, () => makeSpec());

    const result = validateBattleConfig(makeConfig({ foes }));

    assert.equal(!result.ok && result.field, 'foes');
  });

  it('names the nested field of a bad stat', () => {
    const foes = [makeSpec({ baseStats: { atk: Number.NaN } })];

    const result = validateBattleConfig(makeConfig({ foes }));

    assert.equal(!result.ok && result.field, 'foes.0.baseStats.atk');
    assert.match(!result.ok ? result.message : '', /must be a finite number, got NaN$/);
  });

  it('refuses a base stat the game does not have', () => {
    const input = { ...makeConfig(), foes: [{ ...makeSpec(), baseStats: { luck: 7 } }] };

    const result = validateBattleConfig(input);

    const expected = 'Battle config is invalid: foes.0.baseStats must name only stats, got "luck"';
    assert.equal(!result.ok && result.message, expected);
  });

  it('refuses an unknown element', () => {
    const input = { ...makeConfig(), party: [{ ...makeSpec(), element: 'Mud' }] };

    const result = validateBattleConfig(input);

    assert.equal(!result.ok && result.field, 'party.0.element');
  });

  it('refuses something that is not an object', () => {
    const result = validateBattleConfig('battle');

    const expected = 'Battle config is invalid: config must be an object, got "battle"';
    assert.equal(!result.ok && result.message, expected);
  });

  it('refuses a card the content does not know', () => {
    const input = makeConfig({ cardIds: ['sharp-edge', 'no-such-card'] });

    const result = validateBattleConfig(input, makeBattleContent());

    assert.equal(!result.ok && result.field, 'cardIds.1');
    assert.match(!result.ok ? result.message : '', /known card, got "no-such-card"/);
  });

  it('refuses a relic with zero copies', () => {
    const result = validateBattleConfig(makeConfig({ relicCounts: { 'iron-ring': 0 } }));

    assert.equal(!result.ok && result.field, 'relicCounts.iron-ring');
  });
});
