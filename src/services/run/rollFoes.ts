import { DEFAULT_STATS } from '../../core/balance/battle.ts';
import { FOES } from '../../core/balance/runs.ts';
import type { SeededRng } from '../../core/rng.ts';
import type { CombatantSpec } from '../../battle/types.ts';
import type { Element, Stats } from '../../plugins/types.ts';
import type { ContentLists } from './ContentLists.ts';

export type BattleRoomKind = 'weak' | 'normal' | 'boss';

export interface FoeRoll {
  kind: BattleRoomKind;
  pressure: number;
  roomsCleared: number;
  partySize: number;
}

interface FoeTemplate {
  id: string;
  name: string;
  element: Element;
  baseStats: Partial<Stats>;
  passiveId: string | undefined;
  actionsPerTurn: number | undefined;
}

/**
 * Picks a battle's foes (GAME.md §4): monsters and corrupted characters, never two of one id,
 * scaled by the room's place in the run and the run's pressure.
 */
export function rollFoes(rng: SeededRng, roll: FoeRoll, content: ContentLists): CombatantSpec[] {
  const pool = rng.shuffle(foeTemplates(content));
  const count = Math.min(foeCount(rng, roll), pool.length, FOES.max);
  const level = 1 + Math.floor(roll.roomsCleared / FOES.roomsPerLevel);
  const adjectives = content.list('adjective');

  return pool.slice(0, count).map((template) => {
    const adjective = rng.chance(FOES.adjectiveChance) ? rng.pick(adjectives) : undefined;
    return {
      id: template.id,
      name: adjective ? `${adjective.name} ${template.name}` : template.name,
      element: template.element,
      level,
      baseStats: scaleStats(template.baseStats, strength(rng, roll), roll.kind === 'boss'),
      modifiers: (adjective?.modifiers ?? []).map((mod) => ({ ...mod, kind: 'adjective' })),
      passiveId: template.passiveId,
      actionsPerTurn: template.actionsPerTurn,
    } satisfies CombatantSpec;
  });
}

/** `1 + floor(pressure / 5)`, plus up to partySize − 1 extras, each more likely than not. */
export function foeCount(rng: SeededRng, roll: FoeRoll): number {
  if (roll.kind === 'boss') return 1;
  let count = 1 + Math.floor(roll.pressure / FOES.perPressure);
  for (let extra = 1; extra < roll.partySize; extra++) {
    if (rng.chance(FOES.extraChance)) count++;
  }
  return count;
}

/** `m = (1 ± 5 %) × (1 + 0.08 × roomsCleared) × max(pressure, 1)`; weak rooms field less. */
export function strength(rng: SeededRng, roll: FoeRoll): number {
  const spread = 1 + (rng.float() * 2 - 1) * FOES.spread;
  const growth = 1 + FOES.growthPerRoomCleared * roll.roomsCleared;
  const weakness = roll.kind === 'weak' ? FOES.weakStrength : 1;
  return spread * growth * Math.max(roll.pressure, 1) * weakness;
}

function scaleStats(base: Partial<Stats>, m: number, isBoss: boolean): Partial<Stats> {
  const maxHp = base.maxHp ?? DEFAULT_STATS.maxHp;
  const atk = base.atk ?? DEFAULT_STATS.atk;
  const def = base.def ?? DEFAULT_STATS.def;
  return {
    ...base,
    maxHp: Math.round(maxHp * m * (isBoss ? FOES.bossHpFactor : 1)),
    atk: Math.round(atk * m * (isBoss ? FOES.bossAtkFactor : 1)),
    def: Math.round(def * m),
  };
}

function foeTemplates(content: ContentLists): FoeTemplate[] {
  const monsters = content.list('foe').map((foe) => ({
    id: foe.id,
    name: foe.name,
    element: foe.element,
    baseStats: foe.baseStats ?? {},
    passiveId: foe.passiveId,
    actionsPerTurn: foe.actionsPerTurn,
  }));
  const corrupted = content
    .list('character')
    .filter((character) => character.canBeFoe)
    .map((character) => ({
      id: character.id,
      name: `Corrupted ${character.name}`,
      element: character.element,
      baseStats: character.baseStats ?? {},
      passiveId: character.passiveId,
      actionsPerTurn: undefined,
    }));
  return [...monsters, ...corrupted];
}
