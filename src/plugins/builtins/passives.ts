import type { PassivePlugin } from '../types.ts';
import { BURN } from './effects.ts';
import { crossedBelow, kinded, weakestAlly } from './hookTools.ts';

/** Numbers each passive's text quotes; tests read them from here. */
export const PASSIVE_NUMBERS = {
  wayfarerShieldShare: 0.1,
  temperAtkPerHit: 0.02,
  pyreBurnStacks: 1,
  chillSpdPerHit: -0.05,
  bulwarkShieldShare: 0.08,
  tailwindSpdPerAction: 0.03,
  stormDodge: 0.15,
  staticExtraCharges: 1,
  chainSparkShare: 0.2,
  dawnHealShare: 0.05,
  sanctuaryRegain: 0.02,
  thirstLifesteal: 0.15,
  reaperAtk: 0.1,
  reaperHealShare: 0.1,
  stoneDef: 0.3,
  stoneAggro: 0.5,
  gambitCharges: 5,
  executeBelowShare: 0.25,
  executeExtraShare: 0.3,
  retortBurnShare: 0.2,
  patienceBelowShare: 0.5,
  patienceShieldShare: 0.05,
  secondDawnBelowShare: 0.25,
  secondDawnHealShare: 0.3,
  siphonShare: 0.02,
} as const;

const N = PASSIVE_NUMBERS;

function passive(
  id: string,
  name: string,
  description: string,
  hooks: PassivePlugin['hooks'],
): PassivePlugin {
  return { kind: 'passive', id, name, description, hooks };
}

/** Passives of the playable characters: one each, all different. */
export const CHARACTER_PASSIVES: readonly PassivePlugin[] = [
  passive(
    'wayfarers-resolve',
    "Wayfarer's Resolve",
    'Starts each battle behind a shield worth 10 % of its max hp.',
    {
      onBattleStart({ battle, owner }) {
        if (owner) battle.shield(owner, owner.maxHp * N.wayfarerShieldShare);
      },
    },
  ),
  passive(
    'smouldering-temper',
    'Smouldering Temper',
    'Every time it takes damage, its atk rises by 2 % for the rest of the battle.',
    {
      onDamageTaken({ battle, owner }) {
        if (owner) battle.addModifiers(owner, [kinded('passive', 'atk', N.temperAtkPerHit)]);
      },
    },
  ),
  passive(
    'pyre-heart',
    'Pyre Heart',
    'Every hit also sets 1 stack of Burn on the target that cannot be resisted.',
    {
      onHit({ battle, owner, target, amount }) {
        if (!owner || !target) return;
        const perTick = amount * BURN.tickShare;
        battle.applyEffect(owner, target, BURN.id, perTick, N.pyreBurnStacks, false);
      },
    },
  ),
  passive(
    'numbing-chill',
    'Numbing Chill',
    'Every hit lowers the target’s spd by 5 % for the rest of the battle.',
    {
      onHit({ battle, target }) {
        if (target) battle.addModifiers(target, [kinded('passive', 'spd', N.chillSpdPerHit)]);
      },
    },
  ),
  passive(
    'winter-bulwark',
    'Winter Bulwark',
    'At the start of battle, shields every ally for 8 % of her own max hp.',
    {
      onBattleStart({ battle, owner }) {
        if (!owner) return;
        for (const ally of battle.alliesOf(owner)) {
          battle.shield(ally, owner.maxHp * N.bulwarkShieldShare);
        }
      },
    },
  ),
  passive(
    'tailwind',
    'Tailwind',
    'After each of its actions, its spd rises by 3 % for the rest of the battle.',
    {
      afterAction({ battle, owner }) {
        if (owner) battle.addModifiers(owner, [kinded('passive', 'spd', N.tailwindSpdPerAction)]);
      },
    },
  ),
  passive(
    'eye-of-the-storm',
    'Eye of the Storm',
    'Starts each battle with 15 points more dodge.',
    {
      onBattleStart({ battle, owner }) {
        if (owner) battle.addModifiers(owner, [kinded('passive', 'dodge', N.stormDodge)]);
      },
    },
  ),
  passive(
    'static-build',
    'Static Build',
    'Every hit gains 1 extra ultimate charge.',
    {
      onHit({ battle, owner }) {
        if (owner) battle.chargeUltimate(owner, N.staticExtraCharges);
      },
    },
  ),
  passive(
    'chain-spark',
    'Chain Spark',
    'Every hit arcs on: the next foe in line takes 20 % of the damage dealt.',
    {
      onHit({ battle, owner, target, amount }) {
        if (!owner || !target) return;
        const next = battle.opponentsOf(owner).find((foe) => foe.slot > target.slot);
        if (next) battle.damage(owner, next, amount * N.chainSparkShare);
      },
    },
  ),
  passive(
    'dawn-blessing',
    'Dawn Blessing',
    'After each of her actions, heals the ally with the lowest hp share for 5 % of her max hp.',
    {
      afterAction({ battle, owner }) {
        if (!owner) return;
        const ally = weakestAlly(battle.alliesOf(owner));
        if (ally) battle.heal(owner, ally, owner.maxHp * N.dawnHealShare);
      },
    },
  ),
  passive(
    'sanctuary',
    'Sanctuary',
    'At the start of battle, every ally gains 2 points of regain.',
    {
      onBattleStart({ battle, owner }) {
        if (!owner) return;
        for (const ally of battle.alliesOf(owner)) {
          battle.addModifiers(ally, [kinded('passive', 'regain', N.sanctuaryRegain)]);
        }
      },
    },
  ),
  passive(
    'sanguine-thirst',
    'Sanguine Thirst',
    'Heals itself for 15 % of the damage each of its hits deals.',
    {
      onHit({ battle, owner, amount }) {
        if (owner) battle.heal(owner, owner, amount * N.thirstLifesteal);
      },
    },
  ),
  passive(
    'reaper-pact',
    'Reaper Pact',
    'Each kill raises its atk by 10 % for the rest of the battle and heals 10 % of its max hp.',
    {
      onKill({ battle, owner }) {
        if (!owner) return;
        battle.addModifiers(owner, [kinded('passive', 'atk', N.reaperAtk)]);
        battle.heal(owner, owner, owner.maxHp * N.reaperHealShare);
      },
    },
  ),
  passive(
    'stone-skin',
    'Stone Skin',
    'Starts each battle with def +30 % and aggro +50 %, drawing blows to itself.',
    {
      onBattleStart({ battle, owner }) {
        if (!owner) return;
        battle.addModifiers(owner, [
          kinded('passive', 'def', N.stoneDef),
          kinded('passive', 'aggro', N.stoneAggro),
        ]);
      },
    },
  ),
  passive(
    'opening-gambit',
    'Opening Gambit',
    'Starts each battle with 5 ultimate charges.',
    {
      onBattleStart({ battle, owner }) {
        if (owner) battle.chargeUltimate(owner, N.gambitCharges);
      },
    },
  ),
  passive(
    'executioner',
    'Executioner',
    'A hit that leaves its target alive below 25 % of max hp strikes again for 30 % of it.',
    {
      onHit({ battle, owner, target, amount }) {
        if (!owner || !target || !target.isAlive) return;
        if (target.hp >= target.maxHp * N.executeBelowShare) return;
        battle.damage(owner, target, amount * N.executeExtraShare);
      },
    },
  ),
  passive(
    'ashen-retort',
    'Ashen Retort',
    'Whoever damages her is set alight: 1 stack of Burn worth 20 % of the damage per tick.',
    {
      onDamageTaken({ battle, owner, actor, amount }) {
        if (!owner || !actor || actor === owner) return;
        battle.applyEffect(owner, actor, BURN.id, amount * N.retortBurnShare, 1, false);
      },
    },
  ),
  passive(
    'glacial-patience',
    'Glacial Patience',
    'Before each of its actions below 50 % hp, gains a shield worth 5 % of its max hp.',
    {
      beforeAction({ battle, owner }) {
        if (!owner || owner.hp >= owner.maxHp * N.patienceBelowShare) return;
        battle.shield(owner, owner.maxHp * N.patienceShieldShare);
      },
    },
  ),
  passive(
    'second-dawn',
    'Second Dawn',
    'Whenever a blow drops her below 25 % of her max hp, she heals 30 % of her max hp.',
    {
      onDamageTaken({ battle, owner, amount }) {
        if (!owner || !crossedBelow(owner, amount, N.secondDawnBelowShare)) return;
        battle.heal(owner, owner, owner.maxHp * N.secondDawnHealShare);
      },
    },
  ),
  passive(
    'umbral-siphon',
    'Umbral Siphon',
    'After each of its actions, drains 2 % of every foe’s current hp and heals by the total.',
    {
      afterAction({ battle, owner }) {
        if (!owner) return;
        let total = 0;
        for (const foe of battle.opponentsOf(owner)) {
          total += battle.damage(owner, foe, foe.hp * N.siphonShare);
        }
        if (total > 0) battle.heal(owner, owner, total);
      },
    },
  ),
];
