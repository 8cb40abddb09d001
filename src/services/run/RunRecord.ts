import type { ItemElement, ItemStars } from '../../core/balance/gacha.ts';

/** Plain, database-free shapes of a run, shared by the run room and RunService. */

export const RUN_PHASES = ['map', 'battle', 'reward', 'shop', 'ended'] as const;
export type RunPhase = (typeof RUN_PHASES)[number];

export const RUN_STATUSES = ['active', 'ended', 'abandoned'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const REWARD_STAGES = ['card', 'relic', 'loot'] as const;
export type RewardStage = (typeof REWARD_STAGES)[number];

export interface PartySlot {
  ownerId: string;
  characterId: string;
  hp: number;
}

export interface LootItem {
  element: ItemElement;
  stars: ItemStars;
  count: number;
}

export interface PendingReward {
  stage: RewardStage;
  options: string[];
  hasRelicDrop: boolean;
  isAfterBoss: boolean;
  lootGold: number;
  lootTickets: number;
  lootItems: LootItem[];
  earnerIds: string[];
}

export interface ShopOffer {
  itemId: string;
  kind: 'card' | 'relic';
  pluginId: string;
  stars: number;
  price: number;
  isSold: boolean;
}

export interface RunRecord {
  id: string;
  hostId: string;
  memberIds: string[];
  invitedIds: string[];
  status: RunStatus;
  result: string;
  seed: number;
  pressure: number;
  phase: RunPhase;
  floor: number;
  roomIndex: number;
  roomsCleared: number;
  gold: number;
  party: PartySlot[];
  cards: string[];
  relics: Record<string, number>;
  pendingReward: PendingReward | null;
  shop: ShopOffer[];
  shopRerolls: number;
  /** Incremented by every save; a save names the version it started from. */
  version: number;
}
