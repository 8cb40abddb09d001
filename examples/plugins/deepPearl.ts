import type { RelicPlugin } from '../../src/plugins/types.ts';

/** A relic: its modifiers apply once per copy held; hooks see the count as `copies`. */
export default {
  kind: 'relic',
  id: 'deep-pearl',
  name: 'Deep Pearl',
  description:
    'It glows faintly, like the sea floor. Each copy gives the party regain +0.5 points.',
  stars: 3,
  modifiers: [{ stat: 'regain', flat: 0.005 }],
} satisfies RelicPlugin;
