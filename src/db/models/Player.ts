import { Schema, type Connection, type Model } from 'mongoose';

/** One roster entry; the roster is a map keyed by character id so grants can `$inc` by path. */
export interface RosterEntryRecord {
  /** Total exp earned; the level is derived from it (GAME.md §2). */
  exp: number;
  /** Duplicates pulled after the first copy. */
  stacks: number;
  /** Unspent upgrade points. */
  upgradePoints: number;
  /** Points spent, by stat. */
  upgrades: Record<string, number>;
  obtainedAt: Date;
}

export interface EditorRecord {
  pronouns: string;
  element: string;
  allocation: Record<string, number>;
}

/** A replayable pull result, kept on the player so a repeated Idempotency-Key charges nothing. */
export interface RecentPullRecord {
  key: string;
  pullId: string;
  bannerId: string;
  family: string;
  count: number;
  /** Compact result codes (see `src/services/gacha/resultCodes.ts`). */
  results: string[];
  pityBefore: number;
  pityAfter: number;
  ticketsAfter: number;
  playerVersion: number;
  createdAt: Date;
}

export interface PlayerRecord {
  _id: string;
  username: string;
  /** Lower-cased username: the unique key, so "Ana" and "ana" cannot both exist. */
  usernameKey: string;
  passwordHash: string;
  tickets: number;
  gold: number;
  /** Total account exp; the user level is derived from it. */
  userExp: number;
  roster: Record<string, RosterEntryRecord>;
  party: string[];
  /** Upgrade items by key `<Element>-<stars>`, such as `Fire-2`. */
  items: Record<string, number>;
  pity: { standard: number; featured: number };
  editor: EditorRecord;
  /** Recent reward-grant keys, newest last (see PlayerService.grantRewards). */
  rewardKeys: string[];
  recentPulls: RecentPullRecord[];
  /** Bumped by every write, so read-modify-write updates can be made conditional on it. */
  version: number;
  createdAt: Date;
}

const rosterEntrySchema = new Schema<RosterEntryRecord>(
  {
    exp: { type: Number, default: 0, min: 0 },
    stacks: { type: Number, default: 0, min: 0 },
    upgradePoints: { type: Number, default: 0, min: 0 },
    upgrades: { type: Map, of: Number, default: {} },
    obtainedAt: { type: Date, default: () => new Date() },
  },
  { _id: false },
);

const editorSchema = new Schema<EditorRecord>(
  {
    pronouns: { type: String, default: '' },
    element: { type: String, default: 'Generic' },
    allocation: { type: Map, of: Number, default: {} },
  },
  { _id: false },
);

const recentPullSchema = new Schema<RecentPullRecord>(
  {
    key: { type: String, required: true },
    pullId: { type: String, required: true },
    bannerId: { type: String, required: true },
    family: { type: String, required: true },
    count: { type: Number, required: true },
    results: { type: [String], default: [] },
    pityBefore: { type: Number, required: true },
    pityAfter: { type: Number, required: true },
    ticketsAfter: { type: Number, required: true },
    playerVersion: { type: Number, required: true },
    createdAt: { type: Date, required: true },
  },
  { _id: false },
);

export const playerSchema = new Schema<PlayerRecord>(
  {
    _id: { type: String, required: true },
    username: { type: String, required: true },
    usernameKey: { type: String, required: true, unique: true },
    passwordHash: { type: String, required: true },
    tickets: { type: Number, default: 0, min: 0 },
    gold: { type: Number, default: 0, min: 0 },
    userExp: { type: Number, default: 0, min: 0 },
    roster: { type: Map, of: rosterEntrySchema, default: {} },
    party: { type: [String], default: [] },
    items: { type: Map, of: Number, default: {} },
    pity: {
      standard: { type: Number, default: 0 },
      featured: { type: Number, default: 0 },
    },
    editor: { type: editorSchema, default: () => ({}) },
    rewardKeys: { type: [String], default: [] },
    recentPulls: { type: [recentPullSchema], default: [] },
    version: { type: Number, default: 0 },
    createdAt: { type: Date, default: () => new Date() },
  },
  { versionKey: false, strict: 'throw' },
);

export type PlayerModel = Model<PlayerRecord>;

/** The Player model on `connection`, compiled once per connection. */
export function getPlayerModel(connection: Connection): PlayerModel {
  const existing = connection.models.Player as PlayerModel | undefined;
  return existing ?? connection.model<PlayerRecord>('Player', playerSchema);
}
