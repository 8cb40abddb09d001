import type { FoePlugin, PassivePlugin } from '../types.ts';
import { VENOM } from './effects.ts';
import { kinded } from './hookTools.ts';

/** Numbers each foe passive's text quotes; tests read them from here. */
export const FOE_PASSIVE_NUMBERS = {
  carapaceReflectShare: 0.15,
  frenzyAtkPerAction: 0.04,
  oozeHealShare: 0.04,
  mawHealShare: 0.25,
  fangsVenomShare: 0.5,
} as const;

const N = FOE_PASSIVE_NUMBERS;

/** Passives only foes carry. */
export const FOE_PASSIVES: readonly PassivePlugin[] = [
  {
    kind: 'passive',
    id: 'spiked-carapace',
    name: 'Spiked Carapace',
    description: 'Whoever damages it takes 15 % of that damage back.',
    hooks: {
      onDamageTaken({ battle, owner, actor, amount }) {
        if (!owner || !actor || actor === owner) return;
        battle.damage(owner, actor, amount * N.carapaceReflectShare);
      },
    },
  },
  {
    kind: 'passive',
    id: 'pack-frenzy',
    name: 'Pack Frenzy',
    description: 'After each of its actions, its atk rises by 4 % for the rest of the battle.',
    hooks: {
      afterAction({ battle, owner }) {
        if (owner) battle.addModifiers(owner, [kinded('passive', 'atk', N.frenzyAtkPerAction)]);
      },
    },
  },
  {
    kind: 'passive',
    id: 'regenerating-ooze',
    name: 'Regenerating Ooze',
    description: 'Before each of its actions, heals 4 % of its max hp.',
    hooks: {
      beforeAction({ battle, owner }) {
        if (owner) battle.heal(owner, owner, owner.maxHp * N.oozeHealShare);
      },
    },
  },
  {
    kind: 'passive',
    id: 'devouring-maw',
    name: 'Devouring Maw',
    description: 'Each kill heals it for 25 % of its max hp.',
    hooks: {
      onKill({ battle, owner }) {
        if (owner) battle.heal(owner, owner, owner.maxHp * N.mawHealShare);
      },
    },
  },
  {
    kind: 'passive',
    id: 'venom-fangs',
    name: 'Venom Fangs',
    description:
      'Every hit leaves 1 stack of Venom worth 50 % of the hit on each tick, if it lands.',
    hooks: {
      onHit({ battle, owner, target, amount }) {
        if (!owner || !target) return;
        battle.applyEffect(owner, target, VENOM.id, amount * N.fangsVenomShare, 1, true);
      },
    },
  },
];

type FoeFields = Omit<FoePlugin, 'kind'>;

function foe(fields: FoeFields): FoePlugin {
  return { kind: 'foe', ...fields };
}

/** Monsters; base stats only list what differs from the defaults. */
export const FOES: readonly FoePlugin[] = [
  foe({
    id: 'gloom-slug',
    name: 'Gloom Slug',
    description: 'A slow, swollen thing that knits its wounds shut.',
    element: 'Dark',
    baseStats: { maxHp: 1400, atk: 80, spd: 70 },
    passiveId: 'regenerating-ooze',
  }),
  foe({
    id: 'cinder-imp',
    name: 'Cinder Imp',
    description: 'A cackling spark with claws.',
    element: 'Fire',
    baseStats: { maxHp: 800, atk: 110, spd: 120 },
  }),
  foe({
    id: 'frost-wight',
    name: 'Frost Wight',
    description: 'A frozen corpse that will not lie down.',
    element: 'Ice',
    baseStats: { def: 80, spd: 90 },
  }),
  foe({
    id: 'storm-harpy',
    name: 'Storm Harpy',
    description: 'A shrieking flyer, hard to pin down.',
    element: 'Wind',
    baseStats: { maxHp: 700, spd: 140, dodge: 0.15 },
  }),
  foe({
    id: 'volt-beetle',
    name: 'Volt Beetle',
    description: 'An armoured beetle whose spines bite back.',
    element: 'Lightning',
    baseStats: { atk: 90, def: 90 },
    passiveId: 'spiked-carapace',
  }),
  foe({
    id: 'sun-warden',
    name: 'Sun Warden',
    description: 'A gilded statue that keeps its allies standing.',
    element: 'Light',
    baseStats: { maxHp: 1200, atk: 85, def: 70 },
  }),
  foe({
    id: 'bone-crawler',
    name: 'Bone Crawler',
    description: 'A skittering heap of bones that strikes twice for every step.',
    element: 'Generic',
    baseStats: { maxHp: 750, atk: 60 },
    actionsPerTurn: 2,
  }),
  foe({
    id: 'mire-toad',
    name: 'Mire Toad',
    description: 'A bloated toad with a poisonous tongue.',
    element: 'Dark',
    baseStats: { maxHp: 900, effectHitRate: 1.3 },
    passiveId: 'venom-fangs',
  }),
  foe({
    id: 'rust-golem',
    name: 'Rust Golem',
    description: 'A corroded giant of scrap, slow and nearly unbreakable.',
    element: 'Generic',
    baseStats: { maxHp: 2000, def: 120, spd: 60 },
  }),
  foe({
    id: 'ash-wraith',
    name: 'Ash Wraith',
    description: 'A drifting shape of smoke and embers.',
    element: 'Fire',
    baseStats: { maxHp: 850, dodge: 0.2 },
  }),
  foe({
    id: 'thorn-stalker',
    name: 'Thorn Stalker',
    description: 'A briar hound that hunts in packs and grows wilder as it fights.',
    element: 'Wind',
    baseStats: { atk: 95, critRate: 0.15 },
    passiveId: 'pack-frenzy',
  }),
  foe({
    id: 'void-maw',
    name: 'Void Maw',
    description: 'A mouth in the dark that swallows the fallen whole.',
    element: 'Dark',
    baseStats: { maxHp: 2500, atk: 130, spd: 80 },
    passiveId: 'devouring-maw',
  }),
  foe({
    id: 'glint-moth',
    name: 'Glint Moth',
    description: 'A moth of pale light whose wings dazzle the eye.',
    element: 'Light',
    baseStats: { maxHp: 650, spd: 125, dodge: 0.12 },
  }),
];
