import type { DamageTypePlugin } from '../types.ts';

/**
 * One damage type per element. Each element's twist and ultimate live in the simulator with its
 * numbers in `src/core/balance/battle.ts`; these entries name the weakness and the effects.
 */
export const DAMAGE_TYPES: readonly DamageTypePlugin[] = [
  {
    kind: 'damageType',
    id: 'fire',
    name: 'Fire',
    description:
      'Hits harder the more hp the wielder has lost. Deals extra damage to Ice; hits may Burn.',
    element: 'Fire',
    weakAgainst: 'Ice',
    dotEffectId: 'burn',
  },
  {
    kind: 'damageType',
    id: 'ice',
    name: 'Ice',
    description:
      'Each hit pushes the target back in the turn order. Deals extra damage to Fire; hits may ' +
      'inflict Frostbite.',
    element: 'Ice',
    weakAgainst: 'Fire',
    dotEffectId: 'frostbite',
  },
  {
    kind: 'damageType',
    id: 'wind',
    name: 'Wind',
    description:
      'A part of each hit splashes onto the other foes. Deals extra damage to Lightning; ' +
      'hits may inflict Laceration.',
    element: 'Wind',
    weakAgainst: 'Lightning',
    dotEffectId: 'laceration',
  },
  {
    kind: 'damageType',
    id: 'lightning',
    name: 'Lightning',
    description:
      "Each hit detonates a share of the target's damage over time. Deals extra damage to Wind; " +
      'hits may inflict Static Shock.',
    element: 'Lightning',
    weakAgainst: 'Wind',
    dotEffectId: 'static-shock',
  },
  {
    kind: 'damageType',
    id: 'light',
    name: 'Light',
    description:
      'Heals an ally in danger instead of attacking, leaving Dawnlight behind. Deals extra ' +
      'damage to Dark; hits may inflict Searing Glare.',
    element: 'Light',
    weakAgainst: 'Dark',
    dotEffectId: 'searing-glare',
    hotEffectId: 'dawnlight',
  },
  {
    kind: 'damageType',
    id: 'dark',
    name: 'Dark',
    description:
      'Drains its own allies to grow stronger. Deals extra damage to Light; hits may inflict Rot.',
    element: 'Dark',
    weakAgainst: 'Light',
    dotEffectId: 'rot',
  },
  {
    kind: 'damageType',
    id: 'generic',
    name: 'Generic',
    description: 'Plain force with no weakness to exploit; hits may inflict Bleed.',
    element: 'Generic',
    dotEffectId: 'bleed',
  },
];
