import { computeStats } from '../../battle/index.ts';
import type { BattleContent, CombatantSpec, KindedModifier } from '../../battle/types.ts';
import { GameError } from '../../core/errors.ts';
import type { PlayerView } from '../../services/PlayerService.ts';
import type { PartySlot, RunRecord } from '../../services/run/RunRecord.ts';
import type { RunRoomDeps } from './RunRoomDeps.ts';

/** The cards and relics a party holds, which raise every member's stats. */
export type PartyHoldings = Pick<RunRecord, 'cards' | 'relics'>;

export function slotKey(slot: Pick<PartySlot, 'ownerId' | 'characterId'>): string {
  return `${slot.ownerId}/${slot.characterId}`;
}

/**
 * The party's combatant specs, built from each owner's roster when they join and rebuilt after
 * a level-up. Keyed by `slotKey()`.
 */
export class PartySpecs {
  #specs = new Map<string, CombatantSpec>();
  #players = new Map<string, PlayerView>();
  readonly #deps: Pick<RunRoomDeps, 'players' | 'registry' | 'buildSpec'>;

  constructor(deps: Pick<RunRoomDeps, 'players' | 'registry' | 'buildSpec'>) {
    this.#deps = deps;
  }

  /**
   * Loads (or reloads) one owner's characters.
   * @throws CHARACTER_NOT_OWNED when the owner no longer has one of them.
   */
  async loadOwner(ownerId: string, characterIds: readonly string[]): Promise<PlayerView> {
    const player = await this.#deps.players.findById(ownerId);
    for (const characterId of characterIds) {
      const entry = player.roster.find((owned) => owned.characterId === characterId);
      if (!entry) {
        throw new GameError(
          'CHARACTER_NOT_OWNED',
          `Character "${characterId}" is not in the roster of player "${player.username}"`,
        );
      }
      const character = this.#deps.registry.get('character', characterId);
      const spec = this.#deps.buildSpec(entry, character, player);
      this.#specs.set(slotKey({ ownerId, characterId }), spec);
    }
    this.#players.set(ownerId, player);
    return player;
  }

  player(ownerId: string): PlayerView | undefined {
    return this.#players.get(ownerId);
  }

  spec(slot: PartySlot): CombatantSpec {
    const spec = this.#specs.get(slotKey(slot));
    if (!spec) throw new Error(`No combatant spec loaded for party slot "${slotKey(slot)}"`);
    return spec;
  }

  /** Max hp with the party's cards and relics applied, as the simulator computes it. */
  maxHp(slot: PartySlot, held: PartyHoldings, content: BattleContent): number {
    const spec = this.spec(slot);
    const shared = partyModifiers(held, content);
    return Math.round(computeStats(spec.baseStats, [...spec.modifiers, ...shared]).maxHp);
  }
}

function partyModifiers(run: PartyHoldings, content: BattleContent): KindedModifier[] {
  const modifiers: KindedModifier[] = [];
  for (const cardId of run.cards) {
    for (const modifier of content.card(cardId)?.modifiers ?? []) {
      modifiers.push({ ...modifier, kind: 'card' });
    }
  }
  for (const [relicId, copies] of Object.entries(run.relics)) {
    const relicModifiers = content.relic(relicId)?.modifiers ?? [];
    for (let copy = 0; copy < copies; copy++) {
      for (const modifier of relicModifiers) modifiers.push({ ...modifier, kind: 'relic' });
    }
  }
  return modifiers;
}
