import type { BattleContent } from '../battle/types.ts';
import type { Element } from './types.ts';
import { BUILTIN_SOURCE, type PluginRegistry } from './PluginRegistry.ts';

/**
 * The simulator's view of the registry: content by id, and damage types by element. A damage
 * type loaded from `PLUGINS_DIR` takes its element over from the built-in one. Lookups return
 * undefined for unknown ids; `validateBattleConfig` turns those into refusals.
 */
export function createBattleContent(registry: PluginRegistry): BattleContent {
  return {
    passive: (id) => registry.find('passive', id),
    effect: (id) => registry.find('effect', id),
    card: (id) => registry.find('card', id),
    relic: (id) => registry.find('relic', id),
    damageType: (element) => damageTypeOf(registry, element),
  };
}

function damageTypeOf(registry: PluginRegistry, element: Element) {
  const matching = registry.list('damageType').filter((type) => type.element === element);
  const isExtra = (id: string) => registry.sourceOf('damageType', id) !== BUILTIN_SOURCE;
  return matching.find((type) => isExtra(type.id)) ?? matching[0];
}
