import type { AdjectivePlugin } from '../../src/plugins/types.ts';

/** An adjective: a foe prefix and its stat changes (percentages are fractions). */
export default {
  kind: 'adjective',
  id: 'salt-crusted',
  name: 'Salt-Crusted',
  description: 'Caked in hard salt. Def +20 %, spd −5 %.',
  modifiers: [
    { stat: 'def', percent: 0.2 },
    { stat: 'spd', percent: -0.05 },
  ],
} satisfies AdjectivePlugin;
