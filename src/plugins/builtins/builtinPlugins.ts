import type { Plugin } from '../types.ts';
import { ADJECTIVES } from './adjectives.ts';
import { CARDS } from './cards.ts';
import { CHARACTERS } from './characters.ts';
import { DAMAGE_TYPES } from './damageTypes.ts';
import { EFFECTS } from './effects.ts';
import { FOE_PASSIVES, FOES } from './foes.ts';
import { CHARACTER_PASSIVES } from './passives.ts';
import { RELICS } from './relics.ts';

/**
 * The built-in catalogue in registration order: what others name (effects, passives) comes
 * before what names it (damage types, characters, foes).
 */
export const BUILTIN_PLUGINS: readonly Plugin[] = [
  ...EFFECTS,
  ...DAMAGE_TYPES,
  ...CHARACTER_PASSIVES,
  ...FOE_PASSIVES,
  ...CHARACTERS,
  ...FOES,
  ...ADJECTIVES,
  ...CARDS,
  ...RELICS,
];
