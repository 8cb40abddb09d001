import type { EffectPlugin } from '../../src/plugins/types.ts';

/** An effect: damage over time, named by the `brine` damage type and the `undertow` passive. */
export default {
  kind: 'effect',
  id: 'brine-sting',
  name: 'Brine Sting',
  description:
    'Salt in an open cut. The bearer loses 8 % of the triggering amount on each of its next ' +
    '4 actions; stacks are independent.',
  polarity: 'damage',
  element: 'Generic',
  tickShare: 0.08,
  durationActions: 4,
} satisfies EffectPlugin;
