import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createBattle } from '../../src/battle/createBattle.ts';
import type { Battle, BattleContent, CombatantSpec } from '../../src/battle/types.ts';
import type { Element, PassivePlugin } from '../../src/plugins/types.ts';
import {
  TOUGH,
  contentWithPassive,
  eventsOfType,
  makeBattleContent,
  makeConfig,
  makeSpec,
} from '../support/battleContent.ts';

/** Charges its owner's ultimate fully at battle start, so the first action uses it. */
const PRIMED: PassivePlugin = {
  kind: 'passive',
  id: 'primed',
  name: 'Primed',
  description: 'Test.',
  hooks: { onBattleStart: ({ battle, owner }) => owner && battle.chargeUltimate(owner, 15) },
};
const CONTENT: BattleContent = contentWithPassive(PRIMED, makeBattleContent());

function ultimateOf(element: Element, party: CombatantSpec[] = []): Battle {
  const user = makeSpec({ element, baseStats: TOUGH, passiveId: 'primed' });
  const foes = [0, 1].map(() => makeSpec({ baseStats: { ...TOUGH, spd: 1 } }));
  const battle = createBattle(makeConfig({ party: [user, ...party], foes }), CONTENT);
  battle.step();
  return battle;
}

function hitsOn(battle: Battle): number[] {
  return eventsOfType(battle.events, 'damaged')
    .filter((event) => event.cause === 'hit')
    .map((event) => event.target);
}

describe('Battle ultimates', () => {
  it('announces the ultimate with its element', () => {
    const battle = ultimateOf('Fire');

    const [used] = eventsOfType(battle.events, 'ultimateUsed');
    assert.deepEqual(used, { type: 'ultimateUsed', actor: 0, element: 'Fire' });
  });

  it('makes Fire strike three times as hard and leave three burns', () => {
    const battle = ultimateOf('Fire');

    const [hit] = eventsOfType(battle.events, 'damaged');
    const [burn] = eventsOfType(battle.events, 'effectApplied');
    assert.equal(hit?.amount, 200);
    assert.deepEqual([burn?.effectId, burn?.stacks], ['fire-dot', 3]);
  });

  it('makes Ice strike every foe and throw their gauges back', () => {
    const battle = ultimateOf('Ice');

    assert.deepEqual(hitsOn(battle), [1, 2]);
    assert.equal(eventsOfType(battle.events, 'slowed').length, 2);
  });

  it('makes Wind strike every foe', () => {
    const battle = ultimateOf('Wind');

    assert.deepEqual(hitsOn(battle), [1, 2]);
  });

  it('makes Lightning detonate every DoT on its target in full', () => {
    const burner = makeSpec({ element: 'Fire', baseStats: { ...TOUGH, effectHitRate: 1.05 } });
    const user = makeSpec({ element: 'Lightning', baseStats: { ...TOUGH, spd: 50 } });
    const foes = [makeSpec({ baseStats: { ...TOUGH, spd: 1 } })];
    const charged = makeSpec({ ...user, passiveId: 'primed' });
    const battle = createBattle(makeConfig({ party: [burner, charged], foes }), CONTENT);

    for (let i = 0; i < 3; i++) battle.step();

    const damage = eventsOfType(battle.events, 'damaged');
    const detonations = damage.filter((event) => event.cause === 'detonate');
    assert.deepEqual(detonations.map((event) => event.amount), [78]);
  });

  it('makes Light heal every ally by a quarter of max hp and leave healing over time', () => {
    const hurt = makeSpec({ baseStats: TOUGH, hp: 1000 });

    const battle = ultimateOf('Light', [hurt]);

    const healed = eventsOfType(battle.events, 'healed').map((event) => event.amount);
    const glows = eventsOfType(battle.events, 'effectApplied').map((event) => event.effectId);
    assert.deepEqual(healed, [250_000]);
    assert.deepEqual(glows, ['light-hot', 'light-hot']);
  });

  it('makes Dark drain a tenth of each ally and strike hard', () => {
    const ally = makeSpec({ baseStats: { ...TOUGH, spd: 1 } });

    const battle = ultimateOf('Dark', [ally]);

    const [drained] = eventsOfType(battle.events, 'drained');
    const [hit] = eventsOfType(battle.events, 'damaged');
    assert.equal(drained?.amount, 100_000);
    assert.equal(hit?.amount, 173);
  });

  it('makes a Generic ultimate strike 2.5 times as hard', () => {
    const battle = ultimateOf('Generic');

    const [hit] = eventsOfType(battle.events, 'damaged');
    assert.equal(hit?.amount, 125);
  });
});
