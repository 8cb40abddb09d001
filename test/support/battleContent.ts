/**
 * A small, fixed content set for simulator tests and the bench: one damage over time per
 * element, a healing over time for Light, and a few passives, cards and relics with hooks.
 */
import type {
  BattleConfig,
  BattleContent,
  BattleEvent,
  CombatantSpec,
} from '../../src/battle/types.ts';
import type {
  CardPlugin,
  DamageTypePlugin,
  EffectPlugin,
  Element,
  PassivePlugin,
  RelicPlugin,
  Stats,
} from '../../src/plugins/types.ts';

const DOT_ELEMENTS: readonly Element[] = ['Fire', 'Ice', 'Wind', 'Lightning', 'Light', 'Dark'];

const effects: EffectPlugin[] = [
  ...DOT_ELEMENTS.map((element) => ({
    kind: 'effect' as const,
    id: `${element.toLowerCase()}-dot`,
    name: `${element} wound`,
    description: 'Test damage over time.',
    polarity: 'damage' as const,
    element,
    tickShare: 0.2,
    durationActions: 3,
  })),
  {
    kind: 'effect',
    id: 'light-hot',
    name: 'Glow',
    description: 'Test healing over time.',
    polarity: 'healing',
    element: 'Light',
    tickShare: 0.25,
    durationActions: 3,
  },
];

const damageTypes: DamageTypePlugin[] = DOT_ELEMENTS.map((element) => ({
  kind: 'damageType',
  id: element.toLowerCase(),
  name: element,
  description: 'Test damage type.',
  element,
  dotEffectId: `${element.toLowerCase()}-dot`,
  ...(element === 'Light' ? { hotEffectId: 'light-hot' } : {}),
}));

const passives: PassivePlugin[] = [
  {
    kind: 'passive',
    id: 'bulwark',
    name: 'Bulwark',
    description: 'Starts the battle behind a 100 hp shield.',
    hooks: { onBattleStart: ({ battle, owner }) => owner && battle.shield(owner, 100) },
  },
  {
    kind: 'passive',
    id: 'vampiric',
    name: 'Vampiric',
    description: 'Heals a fifth of the hp each hit takes.',
    hooks: { onHit: ({ battle, owner, amount }) => owner && battle.heal(owner, owner, amount / 5) },
  },
];

const cards: CardPlugin[] = [
  {
    kind: 'card',
    id: 'sharp-edge',
    name: 'Sharp Edge',
    description: '+10 % atk for the party.',
    stars: 1,
    modifiers: [{ stat: 'atk', percent: 0.1 }],
  },
  {
    kind: 'card',
    id: 'first-aid',
    name: 'First Aid',
    description: 'Each party kill heals the killer by 50.',
    stars: 2,
    modifiers: [],
    hooks: { onKill: ({ battle, actor }) => actor && battle.heal(actor, actor, 50) },
  },
];

const relics: RelicPlugin[] = [
  {
    kind: 'relic',
    id: 'iron-ring',
    name: 'Iron Ring',
    description: '+5 % def per copy.',
    stars: 1,
    modifiers: [{ stat: 'def', percent: 0.05 }],
  },
];

const byId = <T extends { id: string }>(items: readonly T[]) =>
  new Map(items.map((item) => [item.id, item]));

/** Builds the fixture content; `overrides` replace damage types by element. */
export function makeBattleContent(
  overrides: Partial<Record<Element, DamageTypePlugin>> = {},
): BattleContent {
  const effectMap = byId(effects);
  const passiveMap = byId(passives);
  const cardMap = byId(cards);
  const relicMap = byId(relics);
  const typeMap = new Map(damageTypes.map((type) => [type.element, type]));
  return {
    passive: (id) => passiveMap.get(id),
    effect: (id) => effectMap.get(id),
    card: (id) => cardMap.get(id),
    relic: (id) => relicMap.get(id),
    damageType: (element) => overrides[element] ?? typeMap.get(element),
  };
}

/** Content with no effects, passives, cards or relics: only the bare formulas act. */
export const EMPTY_CONTENT: BattleContent = {
  passive: () => undefined,
  effect: () => undefined,
  card: () => undefined,
  relic: () => undefined,
  damageType: () => undefined,
};

/** A combatant spec with defaults; `overrides` win. */
export function makeSpec(overrides: Partial<CombatantSpec> = {}): CombatantSpec {
  return {
    id: 'dummy',
    name: 'Dummy',
    element: 'Generic',
    level: 1,
    baseStats: {},
    modifiers: [],
    ...overrides,
  };
}

const ELEMENT_CYCLE: readonly Element[] = ['Fire', 'Ice', 'Wind', 'Lightning', 'Light', 'Dark'];

/** A 5 v 5 line-up covering every element, for property tests and the bench. */
export function makeTeams(): { party: CombatantSpec[]; foes: CombatantSpec[] } {
  const party = ELEMENT_CYCLE.slice(0, 5).map((element, slot) =>
    makeSpec({ id: `hero-${slot}`, name: `Hero ${slot}`, element, passiveId: 'vampiric' }),
  );
  const foes = ELEMENT_CYCLE.slice(1, 6).map((element, slot) =>
    makeSpec({
      id: `foe-${slot}`,
      name: `Foe ${slot}`,
      element,
      baseStats: { maxHp: 1400, atk: 90 },
      ...(slot === 0 ? { passiveId: 'bulwark', actionsPerTurn: 2 } : {}),
    }),
  );
  return { party, foes };
}

/** A 1 v 1 config with defaults; `overrides` win. */
export function makeConfig(overrides: Partial<BattleConfig> = {}): BattleConfig {
  return {
    seed: 1,
    party: [makeSpec({ id: 'hero', name: 'Hero' })],
    foes: [makeSpec({ id: 'foe', name: 'Foe' })],
    cardIds: [],
    relicCounts: {},
    isBossRoom: false,
    ...overrides,
  };
}

/** The events of one type, narrowed. */
export function eventsOfType<T extends BattleEvent['type']>(
  events: readonly BattleEvent[],
  type: T,
): Array<Extract<BattleEvent, { type: T }>> {
  return events.filter((event): event is Extract<BattleEvent, { type: T }> => event.type === type);
}

/** Stats that take luck out of a fight: no dodge, no crits, no effects. */
export const STEADY: Partial<Stats> = { dodge: 0, critRate: 0, effectHitRate: 0 };

/** STEADY with hp no test fight can exhaust, for tests that watch many actions. */
export const TOUGH: Partial<Stats> = { ...STEADY, maxHp: 1e6 };

/** Content with one passive, for hook tests. */
export function contentWithPassive(passive: PassivePlugin, base = EMPTY_CONTENT): BattleContent {
  return { ...base, passive: (id) => (id === passive.id ? passive : base.passive(id)) };
}
