import type { PlayerRecord, RosterEntryRecord } from '../../db/models/Player.ts';
import { characterLevelForExp, userLevelForExp } from './levels.ts';

export interface RosterEntry {
  characterId: string;
  exp: number;
  level: number;
  stacks: number;
  upgradePoints: number;
  upgrades: Record<string, number>;
}

export interface PlayerEditor {
  pronouns: string;
  element: string;
  allocation: Record<string, number>;
}

/** A player as services hand it out: a plain object, never a database document. */
export interface PlayerView {
  id: string;
  username: string;
  tickets: number;
  gold: number;
  userLevel: number;
  userExp: number;
  roster: RosterEntry[];
  party: string[];
  items: Record<string, number>;
  pity: { standard: number; featured: number };
  editor: PlayerEditor;
  createdAt: string;
}

/** Fields read to build a view; secrets and bookkeeping stay in the database. */
export const PLAYER_VIEW_PROJECTION = {
  passwordHash: 0,
  rewardKeys: 0,
  recentPulls: 0,
} as const;

/** Builds the public view from a lean player record, deriving levels from total exp. */
export function toPlayerView(record: PlayerRecord): PlayerView {
  return {
    id: record._id,
    username: record.username,
    tickets: record.tickets,
    gold: record.gold ?? 0,
    userLevel: userLevelForExp(record.userExp),
    userExp: record.userExp,
    roster: Object.entries(plain(record.roster)).map(([id, entry]) => toRosterEntry(id, entry)),
    party: [...record.party],
    items: countsOnly(plain(record.items)),
    pity: { standard: record.pity?.standard ?? 0, featured: record.pity?.featured ?? 0 },
    editor: {
      pronouns: record.editor?.pronouns ?? '',
      element: record.editor?.element ?? 'Generic',
      allocation: countsOnly(plain(record.editor?.allocation)),
    },
    createdAt: new Date(record.createdAt).toISOString(),
  };
}

function toRosterEntry(characterId: string, entry: RosterEntryRecord): RosterEntry {
  return {
    characterId,
    exp: entry.exp ?? 0,
    level: characterLevelForExp(entry.exp ?? 0),
    stacks: entry.stacks ?? 0,
    upgradePoints: entry.upgradePoints ?? 0,
    upgrades: countsOnly(plain(entry.upgrades)),
  };
}

/** Lean reads give maps as plain objects; documents give `Map`s. Accept both. */
function plain<T>(value: Record<string, T> | Map<string, T> | undefined): Record<string, T> {
  if (!value) return {};
  return value instanceof Map ? Object.fromEntries(value) : value;
}

function countsOnly(value: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(value).filter(([, count]) => count !== 0));
}
