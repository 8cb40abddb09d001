import type { RelicPlugin } from '../types.ts';
import { BURN } from './effects.ts';
import { kinded } from './hookTools.ts';
import { isPartyMember, livingParty, relic } from './items.ts';

/** Numbers each triggered relic's rule quotes (per copy); tests read them from here. */
export const RELIC_NUMBERS = {
  bloodVialLifesteal: 0.02,
  tonicHealShare: 0.05,
  emberBurnChance: 0.2,
  bracerReflectShare: 0.05,
  idolShieldShare: 0.1,
  trophyAtk: 0.04,
  flameCharges: 1,
  chaliceHealShare: 0.02,
} as const;

const N = RELIC_NUMBERS;

const ONE_STAR: RelicPlugin[] = [
  relic({ id: 'copper-ring', name: 'Copper Ring', stars: 1, flavour: 'Green at the edges.',
    boosts: [['atk', 0.03]] }),
  relic({ id: 'worn-buckler', name: 'Worn Buckler', stars: 1, flavour: 'Dented, still round.',
    boosts: [['def', 0.04]] }),
  relic({ id: 'rabbit-foot', name: 'Rabbit Foot', stars: 1, flavour: 'Not lucky for the rabbit.',
    boosts: [['dodge', 0.01]] }),
  relic({ id: 'herb-satchel', name: 'Herb Satchel', stars: 1, flavour: 'Chew when hurt.',
    boosts: [['regain', 0.003]] }),
  relic({ id: 'chipped-flint', name: 'Chipped Flint', stars: 1, flavour: 'Still sparks.',
    boosts: [['critDamage', 0.05]] }),
  relic({ id: 'travel-charm', name: 'Travel Charm', stars: 1, flavour: 'For the long road.',
    boosts: [['maxHp', 0.04]] }),
];

const TWO_STAR: RelicPlugin[] = [
  relic({ id: 'silver-ring', name: 'Silver Ring', stars: 2, flavour: 'Cold and bright.',
    boosts: [['atk', 0.07]] }),
  relic({ id: 'oak-shield', name: 'Oak Shield', stars: 2, flavour: 'Heartwood, iron-bound.',
    boosts: [['def', 0.1]] }),
  relic({ id: 'hawk-feather', name: 'Hawk Feather', stars: 2, flavour: 'Light as a thought.',
    boosts: [['spd', 0.05]] }),
  relic({ id: 'four-leaf-clover', name: 'Four-Leaf Clover', stars: 2, flavour: 'Pressed flat.',
    boosts: [['critRate', 0.03]] }),
  relic({
    id: 'blood-vial', name: 'Blood Vial', stars: 2, flavour: 'Still warm.',
    rule: 'Each copy heals a party member for 2 % of the damage its hits deal.',
    hooks: {
      onHit({ battle, actor, amount, copies }) {
        if (isPartyMember(actor)) battle.heal(actor, actor, amount * N.bloodVialLifesteal * copies);
      },
    },
  }),
  relic({
    id: 'tonic-flask', name: 'Tonic Flask', stars: 2, flavour: 'One swig before the door.',
    rule: 'At the start of each battle, each copy heals every party member 5 % of its max hp.',
    hooks: {
      onBattleStart({ battle, copies }) {
        for (const member of livingParty(battle)) {
          battle.heal(null, member, member.maxHp * N.tonicHealShare * copies);
        }
      },
    },
  }),
];

const THREE_STAR: RelicPlugin[] = [
  relic({ id: 'ironbark-totem', name: 'Ironbark Totem', stars: 3, flavour: 'Carved from a tree ' +
    'that survived a fire.', boosts: [['def', 0.15], ['maxHp', 0.1]] }),
  relic({ id: 'quicksilver-vial', name: 'Quicksilver Vial', stars: 3, flavour: 'It never sits ' +
    'still.', boosts: [['spd', 0.1]] }),
  relic({ id: 'lens-of-clarity', name: 'Lens of Clarity', stars: 3, flavour: 'Every weakness in ' +
    'focus.', boosts: [['effectHitRate', 0.2], ['critRate', 0.03]] }),
  relic({
    id: 'ember-heart', name: 'Ember Heart', stars: 3, flavour: 'A coal that never cools.',
    rule: 'Each copy gives every party hit a 20 % chance to leave 1 stack of Burn that cannot ' +
      'be resisted.',
    hooks: {
      onHit({ battle, actor, target, amount, copies }) {
        if (!isPartyMember(actor) || !target) return;
        if (!battle.chance(N.emberBurnChance * copies)) return;
        battle.applyEffect(actor, target, BURN.id, amount * BURN.tickShare, 1, false);
      },
    },
  }),
  relic({
    id: 'spiked-bracer', name: 'Spiked Bracer', stars: 3, flavour: 'Do not shake hands.',
    rule: 'Each copy returns 5 % of the damage a party member takes to whoever dealt it.',
    hooks: {
      onDamageTaken({ battle, actor, target, amount, copies }) {
        if (!actor || !isPartyMember(target) || actor.side === target.side) return;
        battle.damage(target, actor, amount * N.bracerReflectShare * copies);
      },
    },
  }),
];

const FOUR_STAR: RelicPlugin[] = [
  relic({ id: 'mirror-shard', name: 'Mirror Shard', stars: 4, flavour: 'Blows glance off it.',
    boosts: [['mitigation', 0.1]] }),
  relic({ id: 'war-banner', name: 'War Banner', stars: 4, flavour: 'Tattered, and followed.',
    boosts: [['atk', 0.15], ['spd', 0.05]] }),
  relic({
    id: 'guardian-idol', name: 'Guardian Idol', stars: 4, flavour: 'A small stone watcher.',
    rule: 'At the start of each battle, each copy shields every party member for 10 % of its ' +
      'max hp.',
    hooks: {
      onBattleStart({ battle, copies }) {
        for (const member of livingParty(battle)) {
          battle.shield(member, member.maxHp * N.idolShieldShare * copies);
        }
      },
    },
  }),
  relic({
    id: 'hunters-trophy', name: 'Hunter’s Trophy', stars: 4, flavour: 'A fang on a cord.',
    rule: 'Each kill raises the killer’s atk by 4 % per copy for the rest of the battle.',
    hooks: {
      onKill({ battle, actor, copies }) {
        if (!isPartyMember(actor)) return;
        battle.addModifiers(actor, [kinded('relic', 'atk', N.trophyAtk * copies)]);
      },
    },
  }),
];

const FIVE_STAR: RelicPlugin[] = [
  relic({ id: 'mountain-heart', name: 'Mountain Heart', stars: 5, flavour: 'It beats once a ' +
    'century.', boosts: [['maxHp', 0.25], ['def', 0.25]] }),
  relic({ id: 'crown-of-thorns', name: 'Crown of Thorns', stars: 5, flavour: 'Power, at a price.',
    boosts: [['atk', 0.35], ['def', -0.1]] }),
  relic({
    id: 'eternal-flame', name: 'Eternal Flame', stars: 5, flavour: 'It burned before the world.',
    rule: 'After each party action, each copy gives the actor 1 extra ultimate charge.',
    hooks: {
      afterAction({ battle, actor, copies }) {
        if (isPartyMember(actor)) battle.chargeUltimate(actor, N.flameCharges * copies);
      },
    },
  }),
  relic({
    id: 'lifeblood-chalice', name: 'Lifeblood Chalice', stars: 5, flavour: 'Never quite empty.',
    rule: 'After each party action, each copy heals the actor 2 % of its max hp.',
    hooks: {
      afterAction({ battle, actor, copies }) {
        if (!isPartyMember(actor)) return;
        battle.heal(actor, actor, actor.maxHp * N.chaliceHealShare * copies);
      },
    },
  }),
];

/** Built-in relics, from 1★ to 5★. */
export const RELICS: readonly RelicPlugin[] = [
  ...ONE_STAR,
  ...TWO_STAR,
  ...THREE_STAR,
  ...FOUR_STAR,
  ...FIVE_STAR,
];
