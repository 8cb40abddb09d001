import type { CharacterPlugin } from '../../src/plugins/types.ts';

/** A character: joins the gacha pools by its rarity; its passive comes from `undertow.ts`. */
export default {
  kind: 'character',
  id: 'sal-mira',
  name: 'Sal Mira',
  description: 'A tide singer who drags her foes’ strength out to sea.',
  element: 'Wind',
  rarity: 5,
  baseStats: { spd: 110, atk: 105 },
  passiveId: 'undertow',
  canBeFoe: true,
} satisfies CharacterPlugin;
