/**
 * Gacha and item balance (GAME.md §7). Data only: the pull logic in
 * `src/services/gacha/rollPull.ts` reads every figure from here, and `GET /api/gacha/rates`
 * publishes them.
 */

/** Tickets per pull; a request buys 1, 5 or 10 pulls, all or nothing. */
export const TICKETS_PER_PULL = 1;
export const PULL_COUNTS = [1, 5, 10] as const;
export type PullCount = (typeof PULL_COUNTS)[number];

/** Chance of a 6★ character on any pull, checked first. */
export const SIX_STAR_RATE = 0.0001;

/** 5★ chance at pity 0, and the chance it climbs to by `FIVE_STAR_RAMP_PITY`. */
export const FIVE_STAR_BASE_RATE = 0.00001;
export const FIVE_STAR_RAMP_RATE = 0.05;
export const FIVE_STAR_RAMP_PITY = 159;

/** At this pity the next pull is certainly a character: the 180th pull without one. */
export const HARD_PITY = 179;

/** On a featured banner, a 5★ result is the featured character this often. */
export const FEATURED_SHARE = 0.5;

/** Featured banners rotate to a different character every 3 days (UTC, from the epoch). */
export const FEATURED_ROTATION_MS = 3 * 24 * 3600 * 1000;

/** Banner ids, and the pity family each one counts towards. */
export const BANNERS = [
  { id: 'standard', family: 'standard', featuredSlot: null },
  { id: 'featured-a', family: 'featured', featuredSlot: 0 },
  { id: 'featured-b', family: 'featured', featuredSlot: 1 },
] as const;
export type BannerId = (typeof BANNERS)[number]['id'];
export const PITY_FAMILIES = ['standard', 'featured'] as const;
export type PityFamily = (typeof PITY_FAMILIES)[number];

/** Elements an upgrade item can have (Generic has no items). */
export const ITEM_ELEMENTS = ['Fire', 'Ice', 'Wind', 'Lightning', 'Light', 'Dark'] as const;
export type ItemElement = (typeof ITEM_ELEMENTS)[number];
export const ITEM_STARS = [1, 2, 3, 4] as const;
export type ItemStars = (typeof ITEM_STARS)[number];

/**
 * Item star weights (percent) at pity 0 and at hard pity; in between they move linearly, so
 * higher stars grow more likely as pity rises. Each row sums to 100.
 */
export const ITEM_STAR_WEIGHTS_AT_ZERO = [70, 22, 7, 1] as const;
export const ITEM_STAR_WEIGHTS_AT_HARD_PITY = [40, 34, 19, 7] as const;

/** 125 items of one element and star combine into 1 of the next star, up to 4★. */
export const ITEMS_PER_CRAFT = 125;
export const MAX_ITEM_STARS = 4;

/** Upgrade points one item converts into, by star. */
export const ITEM_UPGRADE_POINTS = { 1: 1, 2: 150, 3: 22_500, 4: 3_375_000 } as const;

/**
 * How many recent pull outcomes a player keeps for idempotent replays.
 * Known limitation: an Idempotency-Key older than the player's last 50 pulls is not recognised.
 */
export const RECENT_PULLS_KEPT = 50;
