import type { CharacterPlugin } from '../../plugins/types.ts';
import { AVATAR_ID, STARTER_GACHA_CHARACTERS } from '../../core/balance/progression.ts';

/** What the player and gacha services need from the plugin registry. */
export interface CharacterCatalog {
  list(kind: 'character'): readonly CharacterPlugin[];
}

/** Finds a character plugin by id, or undefined. */
export function findCharacter(
  catalog: CharacterCatalog,
  id: string,
): CharacterPlugin | undefined {
  return catalog.list('character').find((character) => character.id === id);
}

/** The avatar plus the cheapest-named 5★ characters: what every new account owns. */
export function starterCharacterIds(catalog: CharacterCatalog): string[] {
  const fiveStars = catalog
    .list('character')
    .filter((character) => character.rarity === 5)
    .map((character) => character.id)
    .sort();
  return [AVATAR_ID, ...fiveStars.slice(0, STARTER_GACHA_CHARACTERS)];
}
