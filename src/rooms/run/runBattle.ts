import type { Battle, BattleConfig } from '../../battle/types.ts';
import { EXP_PER_FOE_LEVEL, EXP_PER_ROOM } from '../../core/balance/battle.ts';
import { deriveSeed } from '../../core/rng.ts';
import type { PluginRegistry } from '../../plugins/PluginRegistry.ts';
import type { PartySlot, RunRecord } from '../../services/run/RunRecord.ts';
import { roomRng } from '../../services/run/RunRules.ts';
import { rollFoes, type BattleRoomKind } from '../../services/run/rollFoes.ts';
import type { PartySpecs } from './PartySpecs.ts';

/** A battle about to start: its config and the party slots fighting, in slot order. */
export interface PlannedBattle {
  config: BattleConfig;
  fighters: PartySlot[];
}

/** What a finished battle earned: exp per fighting slot, and who took part. */
export interface BattleSpoils {
  expBySlot: Map<PartySlot, number>;
  foesDefeated: number;
  ownerIds: string[];
}

/**
 * Builds the battle of the current room from the run: its living party members with their
 * carried hp, and foes rolled from the room's seed, so a resumed room fights the same battle.
 */
export function planBattle(
  run: RunRecord,
  kind: BattleRoomKind,
  specs: PartySpecs,
  registry: PluginRegistry,
): PlannedBattle {
  const fighters = run.party.filter((slot) => slot.hp > 0);
  const foes = rollFoes(
    roomRng(run, 'foes'),
    { kind, pressure: run.pressure, roomsCleared: run.roomsCleared, partySize: fighters.length },
    registry,
  );
  const config: BattleConfig = {
    seed: deriveSeed(run.seed, `${run.floor}:${run.roomIndex}:battle`),
    party: fighters.map((slot) => ({ ...specs.spec(slot), hp: slot.hp })),
    foes,
    cardIds: [...run.cards],
    relicCounts: { ...run.relics },
    isBossRoom: kind === 'boss',
  };
  return { config, fighters };
}

/**
 * Carries the battle's hp back into the run and works out the exp (GAME.md §2): every survivor
 * earns `12 × foeLevel + 5 × room` per foe defeated.
 */
export function settleBattle(run: RunRecord, planned: PlannedBattle, battle: Battle): BattleSpoils {
  const partyViews = battle.combatants.filter((fighter) => fighter.side === 'party');
  const defeatedFoes = battle.combatants.filter((f) => f.side === 'foes' && !f.isAlive);
  const roomNumber = run.roomsCleared + 1;
  const expEach = defeatedFoes.reduce(
    (sum, foe) => sum + EXP_PER_FOE_LEVEL * foe.level + EXP_PER_ROOM * roomNumber,
    0,
  );

  const expBySlot = new Map<PartySlot, number>();
  planned.fighters.forEach((slot, index) => {
    const view = partyViews[index];
    slot.hp = view ? Math.max(0, Math.round(view.hp)) : 0;
    if (view?.isAlive && battle.outcome === 'victory') expBySlot.set(slot, expEach);
  });
  const ownerIds = [...new Set(planned.fighters.map((slot) => slot.ownerId))];
  return { expBySlot, foesDefeated: defeatedFoes.length, ownerIds };
}
