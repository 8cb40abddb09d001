import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ADJECTIVES } from '../../../src/plugins/builtins/adjectives.ts';
import { describeModifiers } from '../../../src/plugins/builtins/modifiers.ts';
import { makeBattle, makeFighter } from '../support/battleHarness.ts';
import { expectedStats, pickStats, roundAll } from '../support/statExpectations.ts';

describe('adjectives', () => {
  for (const adjective of ADJECTIVES) {
    it(`${adjective.id} gives a foe ${describeModifiers(adjective.modifiers)}`, () => {
      const modifiers = adjective.modifiers.map((m) => ({ ...m, kind: 'adjective' as const }));
      const battle = makeBattle({ foes: [makeFighter({ id: 'foe', modifiers })] });

      const expected = roundAll(expectedStats(adjective.modifiers));

      assert.deepEqual(pickStats(battle.combatants[1]?.stats, expected), expected);
      assert.ok(adjective.description.includes(describeModifiers(adjective.modifiers).slice(1)));
    });
  }

  it('has at least 20 adjectives with distinct names', () => {
    const names = new Set(ADJECTIVES.map((adjective) => adjective.name));

    assert.ok(names.size >= 20 && names.size === ADJECTIVES.length);
  });
});
