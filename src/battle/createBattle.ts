import { SeededRng } from '../core/rng.ts';
import type { BattleHooks } from '../plugins/hooks.ts';
import type { Element } from '../plugins/types.ts';
import { BattleSim } from './BattleSim.ts';
import { Fighter, type HookEntry } from './Fighter.ts';
import type {
  Battle,
  BattleConfig,
  BattleContent,
  CombatantSpec,
  KindedModifier,
} from './types.ts';
import { findUnknownId } from './validateBattleConfig.ts';

/**
 * Builds a battle from a validated config and fires its battle-start hooks. Card and relic
 * modifiers are applied here to every party member (each relic copy once more).
 * @throws RangeError when the config names content that `content` lacks: validate first with
 * `validateBattleConfig(input, content)`.
 */
export function createBattle(config: BattleConfig, content: BattleContent): Battle {
  const unknown = findUnknownId(config, content);
  if (unknown !== undefined) {
    throw new RangeError(`Battle config is invalid: ${unknown.field} ${unknown.detail}`);
  }
  const shared = partyWide(config, content);
  const fighters: Fighter[] = [];
  config.party.forEach((spec, slot) => {
    const withCards = { ...spec, modifiers: [...spec.modifiers, ...shared.modifiers] };
    fighters.push(new Fighter(withCards, 'party', slot, fighters.length));
  });
  config.foes.forEach((spec, slot) => {
    fighters.push(new Fighter(spec, 'foes', slot, fighters.length));
  });

  for (const fighter of fighters) {
    const spec = (fighter.isParty ? config.party : config.foes)[fighter.slot] as CombatantSpec;
    attachHooks(fighter, spec, content, fighter.isParty ? shared.entries : []);
  }
  const sim = new BattleSim(fighters, new SeededRng(config.seed), content, config.isBossRoom);
  sim.start();
  return sim;
}

function partyWide(config: BattleConfig, content: BattleContent) {
  const modifiers: KindedModifier[] = [];
  const entries: HookEntry[] = [];
  for (const cardId of config.cardIds) {
    const card = content.card(cardId);
    if (card === undefined) continue;
    for (const modifier of card.modifiers) modifiers.push({ ...modifier, kind: 'card' });
    if (card.hooks !== undefined) entries.push({ hooks: card.hooks, owner: null, copies: 1 });
  }
  for (const [relicId, copies] of Object.entries(config.relicCounts)) {
    const relic = content.relic(relicId);
    if (relic === undefined) continue;
    for (let copy = 0; copy < copies; copy++) {
      for (const modifier of relic.modifiers) modifiers.push({ ...modifier, kind: 'relic' });
    }
    if (relic.hooks !== undefined) entries.push({ hooks: relic.hooks, owner: null, copies });
  }
  return { modifiers, entries };
}

function attachHooks(
  fighter: Fighter,
  spec: CombatantSpec,
  content: BattleContent,
  shared: readonly HookEntry[],
): void {
  const passive = spec.passiveId === undefined ? undefined : content.passive(spec.passiveId);
  addEntry(fighter, passive?.hooks);
  addEntry(fighter, damageTypeHooks(content, fighter.element));
  for (const entry of shared) fighter.hookEntries.push(entry);
  fighter.indexHooks();
}

function addEntry(fighter: Fighter, hooks: BattleHooks | undefined): void {
  if (hooks !== undefined) fighter.hookEntries.push({ hooks, owner: fighter, copies: 1 });
}

function damageTypeHooks(content: BattleContent, element: Element): BattleHooks | undefined {
  return content.damageType(element)?.hooks;
}
