import type { EffectPlugin } from '../types.ts';

type EffectFields = Omit<EffectPlugin, 'kind' | 'description'> & { flavour: string };

/** Writes the rule into the description, so the text always matches the numbers. */
function effect(fields: EffectFields): EffectPlugin {
  const { flavour, ...rest } = fields;
  const verb = rest.polarity === 'damage' ? 'loses' : 'regains';
  const rule =
    `The bearer ${verb} ${Math.round(rest.tickShare * 100)} % of the triggering amount on ` +
    `each of its next ${rest.durationActions} actions; stacks are independent.`;
  return { kind: 'effect', ...rest, description: `${flavour} ${rule}` };
}

/** Fire's damage over time; hooks that burn read its share from here. */
export const BURN = effect({
  id: 'burn',
  name: 'Burn',
  flavour: 'Clinging flames that eat through armour.',
  polarity: 'damage',
  element: 'Fire',
  tickShare: 0.12,
  durationActions: 3,
});

const SCALD = effect({
  id: 'scald',
  name: 'Scald',
  flavour: 'A splash of boiling pitch: short and savage.',
  polarity: 'damage',
  element: 'Fire',
  tickShare: 0.25,
  durationActions: 1,
});

const FROSTBITE = effect({
  id: 'frostbite',
  name: 'Frostbite',
  flavour: 'Rime creeps into the flesh and stays.',
  polarity: 'damage',
  element: 'Ice',
  tickShare: 0.08,
  durationActions: 4,
});

const LACERATION = effect({
  id: 'laceration',
  name: 'Laceration',
  flavour: 'Cuts from a wind sharp as glass.',
  polarity: 'damage',
  element: 'Wind',
  tickShare: 0.1,
  durationActions: 3,
});

const STATIC_SHOCK = effect({
  id: 'static-shock',
  name: 'Static Shock',
  flavour: 'Residual charge that jolts the nerves.',
  polarity: 'damage',
  element: 'Lightning',
  tickShare: 0.1,
  durationActions: 3,
});

const SEARING_GLARE = effect({
  id: 'searing-glare',
  name: 'Searing Glare',
  flavour: 'Light too bright to bear, burning from within.',
  polarity: 'damage',
  element: 'Light',
  tickShare: 0.1,
  durationActions: 3,
});

const ROT = effect({
  id: 'rot',
  name: 'Rot',
  flavour: 'A creeping decay from the dark.',
  polarity: 'damage',
  element: 'Dark',
  tickShare: 0.09,
  durationActions: 4,
});

/** Generic damage over time; the Serrated Edge card reads its share from here. */
export const BLEED = effect({
  id: 'bleed',
  name: 'Bleed',
  flavour: 'An open wound.',
  polarity: 'damage',
  element: 'Generic',
  tickShare: 0.1,
  durationActions: 3,
});

/** A long, weak poison; the Venom Fangs passive reads its share from here. */
export const VENOM = effect({
  id: 'venom',
  name: 'Venom',
  flavour: 'A slow poison that outlasts the fight it started in.',
  polarity: 'damage',
  element: 'Generic',
  tickShare: 0.05,
  durationActions: 6,
});

/** Generic healing over time; the Mending Hymn card reads its share from here. */
export const RENEWAL = effect({
  id: 'renewal',
  name: 'Renewal',
  flavour: 'A steady warmth that closes wounds.',
  polarity: 'healing',
  element: 'Generic',
  tickShare: 0.1,
  durationActions: 3,
});

const DAWNLIGHT = effect({
  id: 'dawnlight',
  name: 'Dawnlight',
  flavour: 'The first light of morning, mending what the night broke.',
  polarity: 'healing',
  element: 'Light',
  tickShare: 0.15,
  durationActions: 3,
});

const MENDING_BREEZE = effect({
  id: 'mending-breeze',
  name: 'Mending Breeze',
  flavour: 'A cool wind that carries pain away.',
  polarity: 'healing',
  element: 'Wind',
  tickShare: 0.06,
  durationActions: 5,
});

const EMBER_GLOW = effect({
  id: 'ember-glow',
  name: 'Ember Glow',
  flavour: 'Banked coals that keep the blood warm.',
  polarity: 'healing',
  element: 'Fire',
  tickShare: 0.2,
  durationActions: 2,
});

const UMBRAL_FEAST = effect({
  id: 'umbral-feast',
  name: 'Umbral Feast',
  flavour: 'Stolen vigour, digested slowly.',
  polarity: 'healing',
  element: 'Dark',
  tickShare: 0.12,
  durationActions: 3,
});

/** Every built-in damage- and healing-over-time effect. */
export const EFFECTS: readonly EffectPlugin[] = [
  BURN,
  SCALD,
  FROSTBITE,
  LACERATION,
  STATIC_SHOCK,
  SEARING_GLARE,
  ROT,
  BLEED,
  VENOM,
  RENEWAL,
  DAWNLIGHT,
  MENDING_BREEZE,
  EMBER_GLOW,
  UMBRAL_FEAST,
];
