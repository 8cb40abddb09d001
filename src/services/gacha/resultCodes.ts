import { parseItemKey } from '../player/items.ts';
import type { PullResult } from './rollPull.ts';

/**
 * Short string forms of pull results, kept on the player document for idempotent replays so
 * the document stays small: `c5:<id>`, `c5f:<id>` (featured), `c6:<id>`, `i:<Element>-<stars>`.
 */
export function encodeResult(result: PullResult): string {
  if (result.kind === 'item') return `i:${result.itemId}`;
  return `c${result.rarity}${result.isFeatured ? 'f' : ''}:${result.characterId}`;
}

/** The result a code stands for; throws on a code this module did not write. */
export function decodeResult(code: string): PullResult {
  const [tag = '', value = ''] = code.split(':');
  if (tag === 'i') {
    const item = parseItemKey(value);
    if (item) return { kind: 'item', itemId: value, ...item };
  }
  if (tag === 'c5' || tag === 'c5f' || tag === 'c6') {
    const rarity = tag === 'c6' ? 6 : 5;
    return { kind: 'character', characterId: value, rarity, isFeatured: tag === 'c5f' };
  }
  throw new Error(`Pull result code "${code}" is malformed`);
}
