import type { FoePlugin } from '../../src/plugins/types.ts';

/** A foe: plugins may name built-in content, here the `spiked-carapace` passive. */
export default {
  kind: 'foe',
  id: 'brine-crab',
  name: 'Brine Crab',
  description: 'A barnacled crab as wide as a cart.',
  element: 'Generic',
  baseStats: { maxHp: 1300, def: 100, spd: 80 },
  passiveId: 'spiked-carapace',
} satisfies FoePlugin;
