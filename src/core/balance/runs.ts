/** Balance constants for runs, floors, foes, rewards and shops (GAME.md §4–§6). Data only. */

export const FLOOR = {
  rooms: 45,
  shops: 2,
  rests: 2,
  weakBattles: 19,
  normalBattles: 20,
} as const;

export const PRESSURE_MAX = 20;
export const MEMBERS_MAX = 4;
export const SPECTATORS_MAX = 8;

export const FOES = {
  /** Most foes in one battle (the simulator takes 1–5 a side). */
  max: 5,
  /** Base count is 1 + floor(pressure / perPressure). */
  perPressure: 5,
  /** Chance of each extra foe, up to partySize − 1 of them ("more likely than not"). */
  extraChance: 0.6,
  /** ± spread of the strength multiplier. */
  spread: 0.05,
  growthPerRoomCleared: 0.08,
  /** Weak battle rooms field foes at this share of normal strength. */
  weakStrength: 0.5,
  bossHpFactor: 4,
  bossAtkFactor: 1.5,
  /** Foe level = 1 + floor(roomsCleared / roomsPerLevel). */
  roomsPerLevel: 5,
  adjectiveChance: 0.5,
} as const;

export const REWARDS = {
  cardChoices: 3,
  relicChoices: 3,
  /** Star weights of offered cards: [stars, weight]. */
  cardStars: [
    [1, 0.8],
    [2, 0.2],
  ],
  cardStarsAfterBoss: [
    [3, 0.6],
    [4, 0.25],
    [5, 0.15],
  ],
  relicStars: [
    [1, 0.5],
    [2, 0.3],
    [3, 0.15],
    [4, 0.05],
  ],
  relicStarsAfterBoss: [
    [3, 0.5],
    [4, 0.3],
    [5, 0.2],
  ],
  relicDropChance: 0.1,
  relicDropChanceAfterBoss: 0.5,
  /** Each defeated foe raises the party's rare-drop rate for that battle by this much. */
  rareDropPerFoe: 0.05,
  goldPerFoe: [5, 12],
  goldPressureGrowth: 0.1,
  itemsPerFoe: [1, 3],
  ticketChance: 0.05,
  ticketChanceAfterBoss: 1,
} as const;

export const SHOP = {
  cards: 2,
  relics: 6,
  /** Price by stars 1–5, times PRICE_PRESSURE_GROWTH per pressure point. */
  priceByStars: [20, 50, 100, 200, 500],
  pressureGrowth: 1.26,
  rerollCost: 10,
  startingGold: 50,
} as const;

export const PACING = {
  speeds: [1, 2, 4],
} as const;
