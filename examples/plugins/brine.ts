import type { DamageTypePlugin } from '../../src/plugins/types.ts';

/**
 * A damage type: it takes the Generic element over from the built-in one, so Generic hits now
 * inflict Brine Sting instead of Bleed. At most one plugin may take over each element.
 */
export default {
  kind: 'damageType',
  id: 'brine',
  name: 'Brine',
  description: 'Plain force soaked in sea water; hits may inflict Brine Sting.',
  element: 'Generic',
  dotEffectId: 'brine-sting',
} satisfies DamageTypePlugin;
