export { createBattle } from './createBattle.ts';
export { validateBattleConfig, type BattleConfigCheck } from './validateBattleConfig.ts';
export { computeStats } from './stats.ts';
export { hitDamage, elementMultiplier } from './damage.ts';
export type * from './types.ts';
