import {
  AVATAR_ID,
  EDITOR_PERCENT_PER_POINT,
  EDITOR_STATS,
  LEVEL_FLAT_GAINS,
  MAX_COUNTED_STACKS,
  STACK_STAT_PERCENT,
  UPGRADABLE_STATS,
  UPGRADE_PERCENT_PER_POINT,
  USER_LEVEL_STAT_PERCENT,
} from '../core/balance/progression.ts';
import type { CombatantSpec, KindedModifier } from '../battle/types.ts';
import { ELEMENTS, STAT_KEYS, type CharacterPlugin, type Element } from '../plugins/types.ts';
import type { PlayerView, RosterEntry } from './player/toPlayerView.ts';

export type SpecOwner = Pick<PlayerView, 'username' | 'userLevel' | 'editor'>;

/**
 * The simulator's spec for one roster character: catalogue base stats plus the level's flat
 * gains, duplicate stacks, spent upgrade points, the user-level bonus and, for the avatar, the
 * editor's element and allocation. Levels give `gain × (level − 1)`, so level 1 is the base.
 */
export function buildCharacterSpec(
  entry: Pick<RosterEntry, 'characterId' | 'level' | 'stacks' | 'upgrades'>,
  character: CharacterPlugin,
  player: SpecOwner,
): CombatantSpec {
  const isAvatar = character.id === AVATAR_ID;
  const modifiers: KindedModifier[] = [
    ...levelModifiers(entry.level),
    ...everyStat(Math.min(entry.stacks, MAX_COUNTED_STACKS) * STACK_STAT_PERCENT, 'stack'),
    ...everyStat((player.userLevel - 1) * USER_LEVEL_STAT_PERCENT, 'level'),
    ...upgradeModifiers(entry.upgrades),
    ...(isAvatar ? editorModifiers(player.editor.allocation) : []),
  ];
  return {
    id: character.id,
    name: isAvatar ? player.username : character.name,
    element: isAvatar ? avatarElement(player.editor.element, character.element) : character.element,
    level: entry.level,
    baseStats: { ...character.baseStats },
    modifiers,
    passiveId: character.passiveId,
  };
}

function levelModifiers(level: number): KindedModifier[] {
  const gained = Math.max(0, level - 1);
  if (gained === 0) return [];
  return Object.entries(LEVEL_FLAT_GAINS).map(([stat, gain]) => ({
    stat: stat as keyof typeof LEVEL_FLAT_GAINS,
    flat: gain * gained,
    kind: 'level',
  }));
}

function everyStat(percent: number, kind: KindedModifier['kind']): KindedModifier[] {
  if (percent === 0) return [];
  return STAT_KEYS.map((stat) => ({ stat, percent, kind }));
}

function upgradeModifiers(upgrades: Record<string, number>): KindedModifier[] {
  return UPGRADABLE_STATS.filter((stat) => (upgrades[stat] ?? 0) > 0).map((stat) => ({
    stat,
    percent: (upgrades[stat] ?? 0) * UPGRADE_PERCENT_PER_POINT,
    kind: 'upgrade',
  }));
}

function editorModifiers(allocation: Record<string, number>): KindedModifier[] {
  return EDITOR_STATS.filter((stat) => (allocation[stat] ?? 0) > 0).map((stat) => ({
    stat,
    percent: (allocation[stat] ?? 0) * EDITOR_PERCENT_PER_POINT,
    kind: 'upgrade',
  }));
}

function avatarElement(chosen: string, fallback: Element): Element {
  return ELEMENTS.find((element) => element === chosen) ?? fallback;
}
