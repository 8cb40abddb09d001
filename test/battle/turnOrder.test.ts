import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createBattle } from '../../src/battle/createBattle.ts';
import type { Battle } from '../../src/battle/types.ts';
import {
  EMPTY_CONTENT,
  TOUGH,
  eventsOfType,
  makeConfig,
  makeSpec,
} from '../support/battleContent.ts';

function actorsOf(battle: Battle, steps: number): number[] {
  for (let i = 0; i < steps; i++) battle.step();
  return eventsOfType(battle.events, 'acted').map((event) => event.actor);
}

describe('Battle turn order', () => {
  it('lets the faster combatant act more often, party first on a tie', () => {
    const party = [makeSpec({ baseStats: { ...TOUGH, spd: 100 } })];
    const foes = [makeSpec({ baseStats: { ...TOUGH, spd: 200 } })];

    const actors = actorsOf(createBattle(makeConfig({ party, foes }), EMPTY_CONTENT), 6);

    assert.deepEqual(actors, [1, 0, 1, 1, 0, 1]);
  });

  it('breaks ties by side, then by slot', () => {
    const party = [makeSpec({ baseStats: TOUGH }), makeSpec({ baseStats: TOUGH })];
    const foes = [makeSpec({ baseStats: TOUGH }), makeSpec({ baseStats: TOUGH })];

    const actors = actorsOf(createBattle(makeConfig({ party, foes }), EMPTY_CONTENT), 4);

    assert.deepEqual(actors, [0, 1, 2, 3]);
  });

  it('gives a combatant with two actions per turn two actions in a row', () => {
    const party = [makeSpec({ baseStats: TOUGH })];
    const foes = [makeSpec({ baseStats: TOUGH, actionsPerTurn: 2 })];

    const actors = actorsOf(createBattle(makeConfig({ party, foes }), EMPTY_CONTENT), 6);

    assert.deepEqual(actors, [0, 1, 1, 0, 1, 1]);
  });

  it('applies one action per step and counts it', () => {
    const party = [makeSpec({ baseStats: TOUGH })];
    const battle = createBattle(makeConfig({ party }), EMPTY_CONTENT);

    const events = battle.step();

    assert.equal(events[0]?.type, 'acted');
    assert.equal(battle.actionCount, 1);
  });

  it('uses the ultimate on the sixteenth action, after 15 charges', () => {
    const party = [makeSpec({ baseStats: TOUGH })];
    const foes = [makeSpec({ element: 'Wind', baseStats: { ...TOUGH, spd: 1 } })];
    const battle = createBattle(makeConfig({ party, foes }), EMPTY_CONTENT);

    for (let i = 0; i < 16; i++) battle.step();

    const kinds = eventsOfType(battle.events, 'acted').map((event) => event.kind);
    assert.deepEqual(kinds.slice(14), ['attack', 'ultimate']);
    assert.equal(battle.combatants[0]?.ultimateCharge, 1);
  });

  it('hits 2.5 times as hard with a Generic ultimate', () => {
    const party = [makeSpec({ baseStats: TOUGH })];
    const foes = [makeSpec({ element: 'Wind', baseStats: { ...TOUGH, spd: 1 } })];
    const battle = createBattle(makeConfig({ party, foes }), EMPTY_CONTENT);

    for (let i = 0; i < 16; i++) battle.step();

    const hits = eventsOfType(battle.events, 'damaged').map((event) => event.amount);
    assert.deepEqual([hits[0], hits[15]], [66, 166]);
  });
});
