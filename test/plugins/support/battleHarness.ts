import { createBattle } from '../../../src/battle/index.ts';
import type {
  Battle,
  BattleContent,
  BattleEvent,
  CombatantSpec,
} from '../../../src/battle/index.ts';
import { BUILTIN_PLUGINS } from '../../../src/plugins/builtins/builtinPlugins.ts';
import { createBattleContent } from '../../../src/plugins/createBattleContent.ts';
import { PluginRegistry } from '../../../src/plugins/PluginRegistry.ts';
import type { Plugin, Stats } from '../../../src/plugins/types.ts';

/** Registry holding the built-in catalogue plus any test-only plugins given. */
export function makeBuiltinRegistry(extraPlugins: readonly Plugin[] = []): PluginRegistry {
  const registry = new PluginRegistry(BUILTIN_PLUGINS);
  for (const plugin of extraPlugins) registry.register(plugin, 'test');
  return registry;
}

const CONTENT = createBattleContent(makeBuiltinRegistry());

/**
 * Stats that take chance out of a battle: nobody dodges, crits or lands an element effect, so a
 * test sees only what the plugin under test does.
 */
export const PLAIN_STATS: Partial<Stats> = {
  dodge: 0,
  critRate: 0,
  effectHitRate: 0,
  effectResistance: 0,
};

/** A Generic level-1 fighter with default stats made plain, plus the overrides given. */
export function makeFighter(
  overrides: Partial<Omit<CombatantSpec, 'baseStats'>> & { baseStats?: Partial<Stats> } = {},
): CombatantSpec {
  return {
    id: 'dummy',
    name: 'Dummy',
    element: 'Generic',
    level: 1,
    modifiers: [],
    ...overrides,
    baseStats: { ...PLAIN_STATS, ...overrides.baseStats },
  };
}

export interface BattleSetup {
  party?: CombatantSpec[];
  foes?: CombatantSpec[];
  cardIds?: string[];
  relicCounts?: Record<string, number>;
  isBossRoom?: boolean;
  seed?: number;
  /** Test-only plugins registered beside the built-ins for this battle. */
  extraPlugins?: Plugin[];
  /** Content to fight with instead of the built-ins (and `extraPlugins`). */
  content?: BattleContent;
}

/** A battle over the built-in content: one plain fighter a side unless told otherwise. */
export function makeBattle(setup: BattleSetup = {}): Battle {
  return createBattle(
    {
      seed: setup.seed ?? 1,
      party: setup.party ?? [makeFighter()],
      foes: setup.foes ?? [makeFighter({ id: 'target' })],
      cardIds: setup.cardIds ?? [],
      relicCounts: setup.relicCounts ?? {},
      isBossRoom: setup.isBossRoom ?? false,
    },
    setup.content ?? contentFor(setup.extraPlugins),
  );
}

function contentFor(extraPlugins: Plugin[] | undefined): BattleContent {
  return extraPlugins ? createBattleContent(makeBuiltinRegistry(extraPlugins)) : CONTENT;
}

type EventOf<T extends BattleEvent['type']> = Extract<BattleEvent, { type: T }>;

/**
 * Steps until an event of `type` matching `test` appears (at most `maxSteps` actions) and
 * returns it, or undefined when the battle ends or the bound is reached first.
 */
export function stepUntil<T extends BattleEvent['type']>(
  battle: Battle,
  type: T,
  test: (event: EventOf<T>) => boolean = () => true,
  maxSteps = 200,
): EventOf<T> | undefined {
  for (let step = 0; step < maxSteps && !battle.isOver; step++) {
    for (const event of battle.step()) {
      if (event.type === type && test(event as EventOf<T>)) return event as EventOf<T>;
    }
  }
  return undefined;
}

/** Every event of `type` logged so far. */
export function eventsOf<T extends BattleEvent['type']>(battle: Battle, type: T): EventOf<T>[] {
  return battle.events.filter((event): event is EventOf<T> => event.type === type);
}
