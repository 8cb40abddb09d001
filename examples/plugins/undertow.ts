import type { PassivePlugin } from '../../src/plugins/types.ts';

const CHARGES_PULLED = 1;

/** A passive: hooks receive the battle's API and act only through it. */
export default {
  kind: 'passive',
  id: 'undertow',
  name: 'Undertow',
  description: 'Every hit pulls 1 ultimate charge away from the target.',
  hooks: {
    onHit({ battle, target }) {
      if (target?.isAlive) battle.chargeUltimate(target, -CHARGES_PULLED);
    },
  },
} satisfies PassivePlugin;
