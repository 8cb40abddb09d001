import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VENOM } from '../../../src/plugins/builtins/effects.ts';
import { FOE_PASSIVE_NUMBERS as N, FOES } from '../../../src/plugins/builtins/foes.ts';
import type { CombatantSpec } from '../../../src/battle/index.ts';
import { eventsOf, makeBattle, makeFighter, stepUntil } from '../support/battleHarness.ts';

/** One plain party member against a single foe carrying `passiveId`. */
function againstFoe(passiveId: string, foe: Partial<CombatantSpec> = {}, party?: CombatantSpec[]) {
  return makeBattle({
    party: party ?? [makeFighter()],
    foes: [makeFighter({ id: 'foe', passiveId, ...foe })],
  });
}

describe('foes', () => {
  for (const foe of FOES) {
    it(`${foe.id} fights a whole battle to an end`, () => {
      const spec = makeFighter({
        id: foe.id,
        element: foe.element,
        baseStats: foe.baseStats,
        passiveId: foe.passiveId,
        actionsPerTurn: foe.actionsPerTurn,
      });
      const battle = makeBattle({ foes: [spec] });

      const outcome = battle.runToEnd();

      assert.ok(outcome === 'victory' || outcome === 'defeat');
      assert.ok(eventsOf(battle, 'acted').some((event) => event.actor === 1));
    });
  }

  it('bone-crawler acts twice for every turn', () => {
    const battle = makeBattle({ foes: [makeFighter({ id: 'bone-crawler', actionsPerTurn: 2 })] });

    for (let step = 0; step < 5; step++) battle.step();

    const actors = eventsOf(battle, 'acted').map((event) => event.actor);
    assert.deepEqual(actors.slice(0, 5), [0, 1, 1, 0, 1]);
  });
});

describe('foe passives', () => {
  it('spiked-carapace returns 15 % of the damage it takes', () => {
    const battle = againstFoe('spiked-carapace');

    const hit = stepUntil(battle, 'damaged', (event) => event.target === 1);

    const spikes = eventsOf(battle, 'damaged').find((event) => event.cause === 'hook');
    assert.equal(spikes?.target, 0);
    assert.equal(spikes?.amount, Math.floor((hit?.amount ?? 0) * N.carapaceReflectShare));
  });

  it('pack-frenzy raises its atk by 4 % after each of its actions', () => {
    const battle = againstFoe('pack-frenzy');

    stepUntil(battle, 'acted', (event) => event.actor === 1);

    assert.ok(Math.abs((battle.combatants[1]?.stats.atk ?? 0) - 104) < 1e-9);
  });

  it('regenerating-ooze heals 4 % of its max hp before each of its actions', () => {
    const battle = againstFoe('regenerating-ooze', { hp: 500 });

    const heal = stepUntil(battle, 'healed', (event) => event.target === 1);

    assert.equal(heal?.amount, 1000 * N.oozeHealShare);
  });

  it('devouring-maw heals 25 % of its max hp for each kill', () => {
    const weak = makeFighter({ id: 'weak', hp: 1, baseStats: { aggro: 1 } });
    const ignored = makeFighter({ id: 'ignored', baseStats: { aggro: 0 } });
    const battle = againstFoe('devouring-maw', { hp: 500 }, [ignored, weak]);

    stepUntil(battle, 'died', (event) => event.killer === 2);

    const heal = eventsOf(battle, 'healed').find((event) => event.target === 2);
    assert.equal(heal?.amount, 1000 * N.mawHealShare);
  });

  it('venom-fangs leaves a Venom stack worth 50 % of each hit', () => {
    const battle = againstFoe('venom-fangs');

    const hit = stepUntil(battle, 'damaged', (event) => event.source === 1);

    const venom = eventsOf(battle, 'effectApplied').find((event) => event.effectId === VENOM.id);
    assert.equal(venom?.perTick, Math.floor((hit?.amount ?? 0) * N.fangsVenomShare));
  });
});
