/**
 * Progression balance (GAME.md §2 and §7): level curves, starter grants, stacks, upgrade points
 * and the avatar editor. Data only; the services derive levels from stored total exp.
 */

/** Leaving character level L needs `CHARACTER_EXP_BASE × 2^L` exp. */
export const CHARACTER_EXP_BASE = 50;

/** Leaving user level L needs `USER_EXP_BASE × USER_EXP_GROWTH^(L − 1)` exp. */
export const USER_EXP_BASE = 100;
export const USER_EXP_GROWTH = 1.05;

/** Each user level above 1 adds this fraction to every base stat in new runs. */
export const USER_LEVEL_STAT_PERCENT = 0.01;

/** Per character level above 1, flat gains (GAME.md §2: "times L"). */
export const LEVEL_FLAT_GAINS = { maxHp: 10, atk: 5, def: 3 } as const;

/** Safety cap so a corrupt exp figure can never loop forever while deriving a level. */
export const MAX_LEVEL = 1000;

/** Each duplicate adds a stack worth +5 % to the character's base stats; 5 stacks count. */
export const STACK_STAT_PERCENT = 0.05;
export const MAX_COUNTED_STACKS = 5;

/** Each upgrade point spent raises one stat by 0.1 %. */
export const UPGRADE_PERCENT_PER_POINT = 0.001;

/**
 * The most any one stored balance may hold: tickets, gold, user or character exp, items of one
 * kind, a character's upgrade points or the points spent on one stat. Writes that would pass
 * it are refused, which keeps every `$inc` total far below Number.MAX_SAFE_INTEGER (about
 * 9.007e15), where arithmetic on stored doubles stops being exact.
 */
export const BALANCE_CEILING = 1e15;

/** Stats that upgrade points may raise. */
export const UPGRADABLE_STATS = [
  'maxHp',
  'atk',
  'def',
  'spd',
  'critRate',
  'critDamage',
  'effectHitRate',
  'effectResistance',
] as const;
export type UpgradableStat = (typeof UPGRADABLE_STATS)[number];

/** The avatar editor: 100 points over five stats, +1 % each; pronouns up to 15 characters. */
export const EDITOR_POINTS = 100;
export const EDITOR_PERCENT_PER_POINT = 0.01;
export const EDITOR_PRONOUNS_MAX = 15;
export const EDITOR_STATS = ['maxHp', 'atk', 'def', 'critRate', 'critDamage'] as const;
export type EditorStat = (typeof EDITOR_STATS)[number];

/** Id of the player avatar in the character catalogue. */
export const AVATAR_ID = 'avatar';

/** Gacha characters (5★, cheapest ids first) a new account owns besides the avatar. */
export const STARTER_GACHA_CHARACTERS = 2;

/** Largest party (GAME.md §1). */
export const PARTY_MAX = 5;

/** Username rules: 3–20 characters, letters, digits, `_` and `-`. Passwords: 8–128. */
export const USERNAME_PATTERN = /^[A-Za-z0-9_-]{3,20}$/;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
