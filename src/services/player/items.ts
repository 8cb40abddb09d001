import {
  ITEM_ELEMENTS,
  MAX_ITEM_STARS,
  type ItemElement,
  type ItemStars,
} from '../../core/balance/gacha.ts';

const ITEM_KEY_PATTERN = /^([A-Za-z]+)-([1-9])$/;

/** The inventory key of an upgrade item, such as `Fire-2`. */
export function itemKey(element: ItemElement, stars: ItemStars): string {
  return `${element}-${stars}`;
}

/** Splits an item key, or returns undefined when it names no upgrade item. */
export function parseItemKey(key: string): { element: ItemElement; stars: ItemStars } | undefined {
  const match = ITEM_KEY_PATTERN.exec(key);
  if (!match) return undefined;

  const element = ITEM_ELEMENTS.find((candidate) => candidate === match[1]);
  const stars = Number(match[2]);
  if (!element || stars < 1 || stars > MAX_ITEM_STARS) return undefined;
  return { element, stars: stars as ItemStars };
}
