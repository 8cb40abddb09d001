import type { CardPlugin } from '../types.ts';
import { BLEED, RENEWAL } from './effects.ts';
import { crossedBelow, kinded } from './hookTools.ts';
import { card, isPartyMember, livingParty } from './items.ts';

/** Numbers each triggered card's rule quotes; tests read them from here. */
export const CARD_NUMBERS = {
  firstAidHealShare: 0.08,
  thornReflectShare: 0.1,
  fangLifesteal: 0.06,
  serratedBleedStacks: 1,
  hymnRenewalShare: 0.5,
  lastStandBelowShare: 0.3,
  lastStandShieldShare: 0.15,
  writBelowShare: 0.2,
  writExtraShare: 0.25,
  battleHymnHealShare: 0.05,
  harvestAtk: 0.05,
  slayerBossExtraShare: 0.15,
  aegisShieldShare: 0.2,
  crownCharges: 1,
  plumeBelowShare: 0.1,
  plumeHealShare: 0.4,
  doomShare: 0.01,
} as const;

const N = CARD_NUMBERS;

const ONE_STAR: CardPlugin[] = [
  card({ id: 'whetstone', name: 'Whetstone', stars: 1, flavour: 'Keeps an edge on things.',
    boosts: [['atk', 0.04]] }),
  card({ id: 'padded-vest', name: 'Padded Vest', stars: 1, flavour: 'Better than nothing.',
    boosts: [['def', 0.05]] }),
  card({ id: 'hearty-stew', name: 'Hearty Stew', stars: 1, flavour: 'A warm meal before the fight.',
    boosts: [['maxHp', 0.05]] }),
  card({ id: 'light-boots', name: 'Light Boots', stars: 1, flavour: 'Soft soles, quick steps.',
    boosts: [['spd', 0.03]] }),
  card({ id: 'lucky-coin', name: 'Lucky Coin', stars: 1, flavour: 'Heads, you hit harder.',
    boosts: [['critRate', 0.02]] }),
  card({ id: 'keen-edge', name: 'Keen Edge', stars: 1, flavour: 'A finer grind on every blade.',
    boosts: [['critDamage', 0.1]] }),
  card({ id: 'thick-cloak', name: 'Thick Cloak', stars: 1, flavour: 'Keeps out rain and worse.',
    boosts: [['effectResistance', 0.03]] }),
  card({ id: 'loose-stance', name: 'Loose Stance', stars: 1, flavour: 'Bend, do not break.',
    boosts: [['dodge', 0.02]] }),
  card({ id: 'steady-breath', name: 'Steady Breath', stars: 1, flavour: 'In, out, recover.',
    boosts: [['regain', 0.005]] }),
  card({ id: 'field-rations', name: 'Field Rations', stars: 1, flavour: 'Dry, but filling.',
    boosts: [['vitality', 0.03]] }),
  card({ id: 'tinder-pouch', name: 'Tinder Pouch', stars: 1, flavour: 'Every spark catches.',
    boosts: [['effectHitRate', 0.1]] }),
];

const TWO_STAR: CardPlugin[] = [
  card({ id: 'honed-blade', name: 'Honed Blade', stars: 2, flavour: 'Sharpened to a whisper.',
    boosts: [['atk', 0.1]] }),
  card({ id: 'iron-plating', name: 'Iron Plating', stars: 2, flavour: 'Riveted and reliable.',
    boosts: [['def', 0.12]] }),
  card({ id: 'vigor-tonic', name: 'Vigor Tonic', stars: 2, flavour: 'Bitter, and worth it.',
    boosts: [['maxHp', 0.12]] }),
  card({ id: 'fleet-footing', name: 'Fleet Footing', stars: 2, flavour: 'First to the fight.',
    boosts: [['spd', 0.07]] }),
  card({ id: 'deadeye', name: 'Deadeye', stars: 2, flavour: 'Aim for the gaps.',
    boosts: [['critRate', 0.05]] }),
  card({ id: 'brutal-edge', name: 'Brutal Edge', stars: 2, flavour: 'When it lands, it hurts.',
    boosts: [['critDamage', 0.25]] }),
  card({ id: 'warding-charm', name: 'Warding Charm', stars: 2, flavour: 'Turns a blow aside.',
    boosts: [['mitigation', 0.06]] }),
  card({ id: 'venom-coating', name: 'Venom Coating', stars: 2, flavour: 'A drop on every blade.',
    boosts: [['effectHitRate', 0.25]] }),
  card({ id: 'shadowstep', name: 'Shadowstep', stars: 2, flavour: 'Gone before the swing.',
    boosts: [['dodge', 0.04]] }),
  card({
    id: 'first-aid-kit', name: 'First Aid Kit', stars: 2, flavour: 'Bandages, salve, a needle.',
    boosts: [['maxHp', 0.03]],
    rule: 'At the start of each battle, every party member heals 8 % of its max hp.',
    hooks: {
      onBattleStart({ battle }) {
        for (const member of livingParty(battle)) {
          battle.heal(null, member, member.maxHp * N.firstAidHealShare);
        }
      },
    },
  }),
];

const THREE_STAR: CardPlugin[] = [
  card({ id: 'war-drums', name: 'War Drums', stars: 3, flavour: 'A rhythm to march and kill by.',
    boosts: [['atk', 0.15], ['spd', 0.05]] }),
  card({ id: 'bulwark', name: 'Bulwark', stars: 3, flavour: 'A wall with legs.',
    boosts: [['def', 0.2], ['maxHp', 0.1]] }),
  card({ id: 'pathfinder', name: 'Pathfinder', stars: 3, flavour: 'Knows every shortcut.',
    boosts: [['spd', 0.1], ['dodge', 0.03]] }),
  card({ id: 'iron-will', name: 'Iron Will', stars: 3, flavour: 'Poison is a state of mind.',
    boosts: [['effectResistance', 0.15], ['maxHp', 0.05]] }),
  card({
    id: 'thorned-mail', name: 'Thorned Mail', stars: 3, flavour: 'Hug it and bleed.',
    boosts: [['def', 0.05]],
    rule: 'Whoever damages a party member takes 10 % of that damage back.',
    hooks: {
      onDamageTaken({ battle, actor, target, amount }) {
        if (!actor || !isPartyMember(target) || actor.side === target.side) return;
        battle.damage(target, actor, amount * N.thornReflectShare);
      },
    },
  }),
  card({
    id: 'vampiric-fang', name: 'Vampiric Fang', stars: 3, flavour: 'A tooth that drinks.',
    boosts: [['atk', 0.05]],
    rule: 'Each party member heals 6 % of the damage its hits deal.',
    hooks: {
      onHit({ battle, actor, amount }) {
        if (isPartyMember(actor)) battle.heal(actor, actor, amount * N.fangLifesteal);
      },
    },
  }),
  card({
    id: 'serrated-edge', name: 'Serrated Edge', stars: 3, flavour: 'Teeth along the blade.',
    rule: 'Every party hit also leaves 1 stack of Bleed that cannot be resisted.',
    hooks: {
      onHit({ battle, actor, target, amount }) {
        if (!isPartyMember(actor) || !target) return;
        const perTick = amount * BLEED.tickShare;
        battle.applyEffect(actor, target, BLEED.id, perTick, N.serratedBleedStacks, false);
      },
    },
  }),
  card({
    id: 'mending-hymn', name: 'Mending Hymn', stars: 3, flavour: 'A song that knits flesh.',
    rule: 'At the start of each battle, every party member gains 1 stack of Renewal worth 5 % ' +
      'of its max hp per tick.',
    hooks: {
      onBattleStart({ battle }) {
        for (const member of livingParty(battle)) {
          const perTick = member.maxHp * RENEWAL.tickShare * N.hymnRenewalShare;
          battle.applyEffect(null, member, RENEWAL.id, perTick, 1);
        }
      },
    },
  }),
];

const FOUR_STAR: CardPlugin[] = [
  card({ id: 'tempest-step', name: 'Tempest Step', stars: 4, flavour: 'Ride the storm’s edge.',
    boosts: [['spd', 0.2], ['dodge', 0.05]] }),
  card({ id: 'titan-grip', name: 'Titan Grip', stars: 4, flavour: 'Hands that crush stone.',
    boosts: [['atk', 0.25], ['critDamage', 0.3]] }),
  card({
    id: 'last-stand', name: 'Last Stand', stars: 4, flavour: 'Cornered, never beaten.',
    rule: 'When a blow drops a party member below 30 % of its max hp, it gains a shield worth ' +
      '15 % of its max hp.',
    hooks: {
      onDamageTaken({ battle, target, amount }) {
        if (!isPartyMember(target) || !crossedBelow(target, amount, N.lastStandBelowShare)) return;
        battle.shield(target, target.maxHp * N.lastStandShieldShare);
      },
    },
  }),
  card({
    id: 'executioners-writ', name: 'Executioner’s Writ', stars: 4, flavour: 'Signed and sealed.',
    rule: 'A party hit that leaves its target alive below 20 % of max hp deals 25 % of it again.',
    hooks: {
      onHit({ battle, actor, target, amount }) {
        if (!isPartyMember(actor) || !target?.isAlive) return;
        if (target.hp >= target.maxHp * N.writBelowShare) return;
        battle.damage(actor, target, amount * N.writExtraShare);
      },
    },
  }),
  card({
    id: 'battle-hymn', name: 'Battle Hymn', stars: 4, flavour: 'Every fallen foe, a verse.',
    rule: 'Each kill by a party member heals every party member 5 % of its max hp.',
    hooks: {
      onKill({ battle, actor }) {
        if (!isPartyMember(actor)) return;
        for (const member of livingParty(battle)) {
          battle.heal(actor, member, member.maxHp * N.battleHymnHealShare);
        }
      },
    },
  }),
  card({
    id: 'soul-harvest', name: 'Soul Harvest', stars: 4, flavour: 'Reap, and grow.',
    rule: 'Each kill raises the killer’s atk by 5 % for the rest of the battle.',
    hooks: {
      onKill({ battle, actor }) {
        if (isPartyMember(actor)) battle.addModifiers(actor, [kinded('card', 'atk', N.harvestAtk)]);
      },
    },
  }),
  card({
    id: 'giant-slayer', name: 'Giant Slayer', stars: 4, flavour: 'The bigger they are.',
    rule: 'In a boss room, every party hit deals 15 % of its damage again.',
    hooks: {
      onHit({ battle, actor, target, amount }) {
        if (!battle.isBossRoom || !isPartyMember(actor) || !target) return;
        battle.damage(actor, target, amount * N.slayerBossExtraShare);
      },
    },
  }),
];

const FIVE_STAR: CardPlugin[] = [
  card({ id: 'crown-of-ages', name: 'Crown of Ages', stars: 5, flavour: 'Worn by every old king.',
    boosts: [['atk', 0.3], ['def', 0.3], ['maxHp', 0.3]] }),
  card({ id: 'starfall-edge', name: 'Starfall Edge', stars: 5, flavour: 'Forged from a comet.',
    boosts: [['critRate', 0.2], ['critDamage', 0.6]] }),
  card({
    id: 'aegis-of-dawn', name: 'Aegis of Dawn', stars: 5, flavour: 'A shield of morning light.',
    rule: 'At the start of each battle, every party member gains a shield worth 20 % of its ' +
      'max hp.',
    hooks: {
      onBattleStart({ battle }) {
        for (const member of livingParty(battle)) {
          battle.shield(member, member.maxHp * N.aegisShieldShare);
        }
      },
    },
  }),
  card({
    id: 'storm-crown', name: 'Storm Crown', stars: 5, flavour: 'Thunder answers its wearer.',
    rule: 'After each party action, the actor gains 1 extra ultimate charge.',
    hooks: {
      afterAction({ battle, actor }) {
        if (isPartyMember(actor)) battle.chargeUltimate(actor, N.crownCharges);
      },
    },
  }),
  card({
    id: 'phoenix-plume', name: 'Phoenix Plume', stars: 5, flavour: 'It smoulders, never dies.',
    rule: 'When a blow drops a party member below 10 % of its max hp, it heals 40 % of its max hp.',
    hooks: {
      onDamageTaken({ battle, target, amount }) {
        if (!isPartyMember(target) || !crossedBelow(target, amount, N.plumeBelowShare)) return;
        battle.heal(null, target, target.maxHp * N.plumeHealShare);
      },
    },
  }),
  card({
    id: 'doom-bell', name: 'Doom Bell', stars: 5, flavour: 'Each toll, a little closer.',
    rule: 'After each party action, every living foe loses 1 % of its max hp.',
    hooks: {
      afterAction({ battle, actor }) {
        if (!isPartyMember(actor)) return;
        for (const foe of battle.opponentsOf(actor)) {
          battle.damage(actor, foe, foe.maxHp * N.doomShare);
        }
      },
    },
  }),
];

/** Built-in cards, from 1★ to 5★. */
export const CARDS: readonly CardPlugin[] = [
  ...ONE_STAR,
  ...TWO_STAR,
  ...THREE_STAR,
  ...FOUR_STAR,
  ...FIVE_STAR,
];
