import type { CardPlugin } from '../../src/plugins/types.ts';

const HEAL_SHARE = 0.03;

/** A card: a party-wide stat bonus plus a rule carried out by a hook. */
export default {
  kind: 'card',
  id: 'fishermans-net',
  name: 'Fisherman’s Net',
  description:
    'Nothing slips through. The party gains spd +4 %. Each kill heals the killer 3 % of its ' +
    'max hp.',
  stars: 2,
  modifiers: [{ stat: 'spd', percent: 0.04 }],
  hooks: {
    onKill({ battle, actor }) {
      if (actor?.side === 'party') battle.heal(actor, actor, actor.maxHp * HEAL_SHARE);
    },
  },
} satisfies CardPlugin;
