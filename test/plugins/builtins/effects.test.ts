import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EFFECTS } from '../../../src/plugins/builtins/effects.ts';
import type { EffectPlugin, PassivePlugin } from '../../../src/plugins/types.ts';
import { eventsOf, makeBattle, makeFighter, stepUntil } from '../support/battleHarness.ts';

const PER_TICK = 30;

/** A test-only passive putting one unresistable stack of `effect` on a foe (or on its owner). */
function makeApplier(effect: EffectPlugin): PassivePlugin {
  return {
    kind: 'passive',
    id: `apply-${effect.id}`,
    name: 'Applier',
    description: 'Applies one stack of the effect under test at battle start.',
    hooks: {
      onBattleStart({ battle, owner }) {
        if (!owner) return;
        const isHealing = effect.polarity === 'healing';
        const target = isHealing ? owner : battle.opponentsOf(owner)[0];
        if (target) battle.applyEffect(owner, target, effect.id, PER_TICK, 1, false);
      },
    },
  };
}

describe('effects', () => {
  for (const effect of EFFECTS) {
    const verb = effect.polarity === 'damage' ? 'takes' : 'restores';
    it(`${effect.id} ${verb} its amount on each of ${effect.durationActions} actions`, () => {
      const applier = makeApplier(effect);
      const owner = makeFighter({ passiveId: applier.id, hp: 100, baseStats: { mitigation: 1e3 } });
      const battle = makeBattle({ party: [owner], extraPlugins: [applier] });

      stepUntil(battle, 'effectExpired', (event) => event.effectId === effect.id);

      const ticks = eventsOf(battle, 'effectTicked').filter((e) => e.effectId === effect.id);
      assert.deepEqual(
        ticks.map((tick) => tick.amount),
        Array.from({ length: effect.durationActions }, () => PER_TICK),
      );
    });
  }

  it('states its share and duration in its description', () => {
    const stated = EFFECTS.filter((effect) =>
      effect.description.includes(`${Math.round(effect.tickShare * 100)} %`) &&
      effect.description.includes(`next ${effect.durationActions} actions`));

    assert.equal(stated.length, EFFECTS.length);
  });

  it('counts at least 12 damage- or healing-over-time effects of both polarities', () => {
    const polarities = new Set(EFFECTS.map((effect) => effect.polarity));

    assert.ok(EFFECTS.length >= 12);
    assert.deepEqual([...polarities].sort(), ['damage', 'healing']);
  });
});
