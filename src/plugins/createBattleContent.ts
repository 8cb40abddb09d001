import type { BattleContent } from '../battle/types.ts';
import type { PluginRegistry } from './PluginRegistry.ts';

/**
 * The simulator's view of the registry: content by id, and damage types by element. Lookups
 * return undefined for unknown ids; `validateBattleConfig` turns those into refusals.
 */
export function createBattleContent(registry: PluginRegistry): BattleContent {
  return {
    passive: (id) => registry.find('passive', id),
    effect: (id) => registry.find('effect', id),
    card: (id) => registry.find('card', id),
    relic: (id) => registry.find('relic', id),
    damageType: (element) =>
      registry.list('damageType').find((damageType) => damageType.element === element),
  };
}
