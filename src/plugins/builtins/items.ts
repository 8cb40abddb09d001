import type { BattleApi, BattleHooks, CombatantView } from '../hooks.ts';
import type { CardPlugin, RelicPlugin, StatKey, Stars } from '../types.ts';
import { boost, describeModifiers } from './modifiers.ts';

/** `[stat, amount]` pairs, turned into modifiers by `boost`. */
export type Boosts = ReadonlyArray<readonly [StatKey, number]>;

/** What a card or relic is written from; the description is assembled from it. */
export interface ItemFields {
  id: string;
  name: string;
  stars: Stars;
  flavour: string;
  boosts?: Boosts;
  /** The rule the hooks carry out, written as a sentence; required with hooks. */
  rule?: string;
  hooks?: BattleHooks;
}

/** A card whose description lists its party-wide stat bonus and its rule. */
export function card(fields: ItemFields): CardPlugin {
  return { kind: 'card', ...itemParts(fields, 'The party gains') };
}

/** A relic whose description lists its per-copy stat bonus and its rule. */
export function relic(fields: ItemFields): RelicPlugin {
  return { kind: 'relic', ...itemParts(fields, 'Each copy gives the party') };
}

function itemParts(fields: ItemFields, lead: string) {
  const modifiers = (fields.boosts ?? []).map(([stat, amount]) => boost(stat, amount));
  const sentences = [fields.flavour];
  if (modifiers.length > 0) sentences.push(`${lead} ${describeModifiers(modifiers)}.`);
  if (fields.rule) sentences.push(fields.rule);
  const parts = {
    id: fields.id,
    name: fields.name,
    description: sentences.join(' '),
    stars: fields.stars,
    modifiers,
  };
  return fields.hooks ? { ...parts, hooks: fields.hooks } : parts;
}

/** Living party members, for card and relic hooks that act on the whole party at once. */
export function livingParty(battle: BattleApi): CombatantView[] {
  return battle.combatants.filter((view) => view.side === 'party' && view.isAlive);
}

/** True for a party member: card and relic hooks act only on behalf of the party. */
export function isPartyMember(view: CombatantView | null): view is CombatantView {
  return view !== null && view.side === 'party';
}
