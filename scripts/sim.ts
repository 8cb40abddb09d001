/**
 * Runs one battle and prints its summary and digest.
 *   npm run sim -- --seed 7 [--party fire,ice,cinder-vale] [--foes dark,cinder-imp]
 *                  [--cards id,...] [--relics id[:copies],...] [--boss] [--json]
 * A party or foe token is a character or foe id from the built-in catalogue, or an element name
 * (then a plain level-1 fighter of that element). A bad command line exits 2.
 */
import { createBattle, validateBattleConfig } from '../src/battle/index.ts';
import type { BattleConfig, CombatantSpec } from '../src/battle/types.ts';
import { BUILTIN_PLUGINS } from '../src/plugins/builtins/builtinPlugins.ts';
import { createBattleContent } from '../src/plugins/createBattleContent.ts';
import { PluginRegistry } from '../src/plugins/PluginRegistry.ts';
import { ELEMENTS, type Element } from '../src/plugins/types.ts';
import {
  integerOption, parseCommandLine, USAGE_EXIT_CODE, UsageError, withUsage,
} from './commandLine.ts';

const USAGE =
  'Usage: npm run sim -- [--seed N] [--party ID,...] [--foes ID,...] [--cards ID,...] ' +
  '[--relics ID[:COPIES],...] [--boss] [--json]';
/** Battle seeds are unsigned 32-bit integers. */
const MAX_SEED = 0xffff_ffff;

const { values } = withUsage(USAGE, () => parseCommandLine({
  options: {
    seed: { type: 'string', default: '1' },
    party: { type: 'string', default: 'fire,ice,wind,lightning,light' },
    foes: { type: 'string', default: 'dark,fire,ice' },
    cards: { type: 'string', default: '' },
    relics: { type: 'string', default: '' },
    boss: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
}));

const registry = new PluginRegistry(BUILTIN_PLUGINS);
const content = createBattleContent(registry);

/** Refuses a battle the simulator would not run, as a bad command line. */
function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(USAGE_EXIT_CODE);
}

function list(text: string): string[] {
  return text.split(',').map((token) => token.trim()).filter((token) => token !== '');
}

function elementNamed(token: string): Element | undefined {
  return ELEMENTS.find((element) => element.toLowerCase() === token.toLowerCase());
}

function specFor(token: string, side: 'character' | 'foe', slot: number): CombatantSpec {
  const element = elementNamed(token);
  if (element !== undefined) {
    return { id: `${element.toLowerCase()}-${slot}`, name: `${element} ${slot}`, element,
      level: 1, baseStats: {}, modifiers: [] };
  }
  const plugin = registry.find(side, token);
  if (plugin === undefined) throw new UsageError(`No ${side} or element is named "${token}"`);
  const actionsPerTurn = plugin.kind === 'foe' ? plugin.actionsPerTurn : undefined;
  return {
    id: plugin.id,
    name: plugin.name,
    element: plugin.element,
    level: 1,
    baseStats: plugin.baseStats ?? {},
    modifiers: [],
    ...(plugin.passiveId === undefined ? {} : { passiveId: plugin.passiveId }),
    ...(actionsPerTurn === undefined ? {} : { actionsPerTurn }),
  };
}

function relicCounts(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const token of list(text)) {
    const [id = '', copies = '1'] = token.split(':');
    counts[id] = integerOption(`--relics ${id}`, copies, 1);
  }
  return counts;
}

const input: BattleConfig = withUsage(USAGE, () => ({
  seed: integerOption('--seed', values.seed, 0, MAX_SEED),
  party: list(values.party).map((token, slot) => specFor(token, 'character', slot)),
  foes: list(values.foes).map((token, slot) => specFor(token, 'foe', slot)),
  cardIds: list(values.cards),
  relicCounts: relicCounts(values.relics),
  isBossRoom: values.boss,
}));
const checked = validateBattleConfig(input, content);
if (!checked.ok) fail(checked.message);

const battle = createBattle(checked.config, content);
const outcome = battle.runToEnd();
const summary = {
  seed: checked.config.seed,
  outcome,
  actions: battle.actionCount,
  enrageStacks: battle.enrageStacks,
  events: battle.events.length,
  combatants: battle.combatants.map((c) => ({
    side: c.side, slot: c.slot, id: c.id, element: c.element, hp: c.hp, maxHp: c.maxHp,
  })),
  digest: battle.digest(),
};

if (values.json) {
  console.log(JSON.stringify(summary));
} else {
  console.log(`Seed ${summary.seed}: ${outcome} after ${summary.actions} actions`);
  for (const c of summary.combatants) {
    console.log(`  ${c.side} ${c.slot} ${c.id} (${c.element}) ${c.hp}/${c.maxHp}`);
  }
  console.log(`Digest ${summary.digest}`);
}
