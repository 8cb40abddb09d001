import {
  CHARACTER_EXP_BASE,
  MAX_LEVEL,
  USER_EXP_BASE,
  USER_EXP_GROWTH,
} from '../../core/balance/progression.ts';

/** Exp needed to leave character level `level` (GAME.md §2: 50 × 2^L). */
export function characterExpToNext(level: number): number {
  return CHARACTER_EXP_BASE * 2 ** level;
}

/** Exp needed to leave user level `level` (GAME.md §2: 100 × 1.05^(L − 1)). */
export function userExpToNext(level: number): number {
  return USER_EXP_BASE * USER_EXP_GROWTH ** (level - 1);
}

/** The character level reached with `totalExp`, starting from level 1. */
export function characterLevelForExp(totalExp: number): number {
  return levelForExp(totalExp, characterExpToNext);
}

/** The user level reached with `totalExp`, starting from level 1. */
export function userLevelForExp(totalExp: number): number {
  return levelForExp(totalExp, userExpToNext);
}

/** Account exp earned from a battle's exp at the current user level (GAME.md §2). */
export function userExpForBattle(battleExp: number, userLevel: number): number {
  return Math.floor(battleExp / Math.max(1, userLevel));
}

const START_LEVEL = 1;

function levelForExp(totalExp: number, toNext: (level: number) => number): number {
  let level = START_LEVEL;
  let remaining = totalExp;
  while (level < MAX_LEVEL && remaining >= toNext(level)) {
    remaining -= toNext(level);
    level += 1;
  }
  return level;
}
