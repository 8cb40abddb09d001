import type { BattleHooks } from './hooks.ts';

export const ELEMENTS = ['Fire', 'Ice', 'Wind', 'Lightning', 'Light', 'Dark', 'Generic'] as const;
export type Element = (typeof ELEMENTS)[number];

export const STAT_KEYS = [
  'maxHp',
  'atk',
  'def',
  'spd',
  'critRate',
  'critDamage',
  'effectHitRate',
  'effectResistance',
  'mitigation',
  'vitality',
  'dodge',
  'regain',
  'aggro',
] as const;
export type StatKey = (typeof STAT_KEYS)[number];
export type Stats = Record<StatKey, number>;

/** Where a modifier comes from; percentages add up within a kind and multiply across kinds. */
export const MODIFIER_KINDS = [
  'level',
  'stack',
  'upgrade',
  'card',
  'relic',
  'passive',
  'effect',
  'adjective',
] as const;
export type ModifierKind = (typeof MODIFIER_KINDS)[number];

/** `percent` is a fraction (0.1 = +10 %); `flat` is added to the base before percentages. */
export interface StatModifier {
  stat: StatKey;
  percent?: number;
  flat?: number;
}

export const PLUGIN_KINDS = [
  'character',
  'foe',
  'adjective',
  'card',
  'relic',
  'effect',
  'passive',
  'damageType',
] as const;
export type PluginKind = (typeof PLUGIN_KINDS)[number];

export type Stars = 1 | 2 | 3 | 4 | 5;

interface PluginBase {
  /** Stable, unique within its kind: lowercase words joined by hyphens. */
  id: string;
  name: string;
  description: string;
}

export interface CharacterPlugin extends PluginBase {
  kind: 'character';
  element: Element;
  /** Gacha rarity; the player avatar has none. */
  rarity: 5 | 6 | null;
  baseStats?: Partial<Stats>;
  passiveId: string;
  /** Characters that may appear as corrupted foes. */
  canBeFoe?: boolean;
}

export interface FoePlugin extends PluginBase {
  kind: 'foe';
  element: Element;
  baseStats?: Partial<Stats>;
  passiveId?: string;
  actionsPerTurn?: number;
}

export interface AdjectivePlugin extends PluginBase {
  kind: 'adjective';
  modifiers: StatModifier[];
}

export interface CardPlugin extends PluginBase {
  kind: 'card';
  stars: Stars;
  /** Applied to every party member. */
  modifiers: StatModifier[];
  hooks?: BattleHooks;
}

export interface RelicPlugin extends PluginBase {
  kind: 'relic';
  stars: Stars;
  /** Applied to every party member once per copy held. */
  modifiers: StatModifier[];
  hooks?: BattleHooks;
}

export interface EffectPlugin extends PluginBase {
  kind: 'effect';
  /** Damage over time hurts, healing over time heals. */
  polarity: 'damage' | 'healing';
  element: Element;
  /** Share of the triggering hit dealt (or healed) on each tick. */
  tickShare: number;
  /** The victim's actions it lasts for. */
  durationActions: number;
}

export interface PassivePlugin extends PluginBase {
  kind: 'passive';
  hooks: BattleHooks;
}

export interface DamageTypePlugin extends PluginBase {
  kind: 'damageType';
  element: Element;
  /** Element that takes extra damage from this one, if any. */
  weakAgainst?: Element;
  /** Damage over time a hit of this element may inflict. */
  dotEffectId?: string;
  /** Healing over time this element's heals leave (Light's twist and ultimate). */
  hotEffectId?: string;
  hooks?: BattleHooks;
}

export type Plugin =
  | CharacterPlugin
  | FoePlugin
  | AdjectivePlugin
  | CardPlugin
  | RelicPlugin
  | EffectPlugin
  | PassivePlugin
  | DamageTypePlugin;

export type PluginOfKind<K extends PluginKind> = Extract<Plugin, { kind: K }>;
