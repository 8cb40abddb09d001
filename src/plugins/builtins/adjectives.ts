import type { AdjectivePlugin, StatKey } from '../types.ts';
import { boost, describeModifiers } from './modifiers.ts';

type Boosts = ReadonlyArray<readonly [StatKey, number]>;

/** An adjective whose description ends with its exact stat changes. */
function adjective(id: string, name: string, flavour: string, boosts: Boosts): AdjectivePlugin {
  const modifiers = boosts.map(([stat, amount]) => boost(stat, amount));
  const description = `${flavour} ${capitalise(describeModifiers(modifiers))}.`;
  return { kind: 'adjective', id, name, description, modifiers };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Themed prefixes for foes ("Hostile Cinder Imp"); each nudges a few stats. */
export const ADJECTIVES: readonly AdjectivePlugin[] = [
  adjective('hostile', 'Hostile', 'Spoiling for a fight.', [['atk', 0.1]]),
  adjective('armored', 'Armored', 'Plated in scavenged iron.', [['def', 0.25]]),
  adjective('swift', 'Swift', 'Quick on its feet.', [['spd', 0.15]]),
  adjective('frail', 'Frail', 'Brittle, but desperate.', [['maxHp', -0.2], ['atk', 0.25]]),
  adjective('hulking', 'Hulking', 'Twice the size it should be.', [
    ['maxHp', 0.3],
    ['spd', -0.1],
  ]),
  adjective('feral', 'Feral', 'Goes for the throat.', [['critRate', 0.1]]),
  adjective('venomous', 'Venomous', 'Its every wound festers.', [['effectHitRate', 0.3]]),
  adjective('elusive', 'Elusive', 'Never quite where you aimed.', [['dodge', 0.08]]),
  adjective('stalwart', 'Stalwart', 'It does not fall easily.', [
    ['maxHp', 0.15],
    ['def', 0.1],
  ]),
  adjective('ancient', 'Ancient', 'Older than the dungeon itself.', [
    ['maxHp', 0.08],
    ['atk', 0.08],
    ['def', 0.08],
  ]),
  adjective('blighted', 'Blighted', 'Rotting, and spreading the rot.', [
    ['effectHitRate', 0.2],
    ['maxHp', -0.1],
  ]),
  adjective('berserk', 'Berserk', 'Heedless of its own wounds.', [
    ['atk', 0.3],
    ['def', -0.2],
  ]),
  adjective('shrouded', 'Shrouded', 'Wrapped in a shadow that blunts blows.', [
    ['mitigation', 0.15],
  ]),
  adjective('radiant', 'Radiant', 'Glowing with stolen light.', [['regain', 0.02]]),
  adjective('warded', 'Warded', 'Covered in protective sigils.', [['effectResistance', 0.25]]),
  adjective('sluggish', 'Sluggish', 'Slow, and thick-skinned for it.', [
    ['spd', -0.15],
    ['def', 0.3],
  ]),
  adjective('brittle', 'Brittle', 'Sharp edges on a cracked shell.', [
    ['def', -0.3],
    ['atk', 0.15],
  ]),
  adjective('keen-eyed', 'Keen-Eyed', 'It sees the gaps in your guard.', [['critDamage', 0.5]]),
  adjective('frenzied', 'Frenzied', 'A blur of teeth and claws.', [
    ['spd', 0.2],
    ['def', -0.1],
  ]),
  adjective('colossal', 'Colossal', 'It blots out the torchlight.', [
    ['maxHp', 0.5],
    ['atk', 0.1],
    ['spd', -0.2],
  ]),
  adjective('wretched', 'Wretched', 'A pitiful, half-starved thing.', [
    ['maxHp', -0.15],
    ['atk', -0.1],
  ]),
  adjective('menacing', 'Menacing', 'It draws every eye, and every blade.', [
    ['aggro', 0.5],
    ['atk', 0.05],
  ]),
  adjective('vigorous', 'Vigorous', 'Brimming with unnatural life.', [['vitality', 0.15]]),
];
