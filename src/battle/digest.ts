import { createHash } from 'node:crypto';
import type { BattleEvent } from './types.ts';

/** One JSON object per event, keys sorted, joined by newlines: the log's canonical form. */
export function encodeLog(events: readonly BattleEvent[]): string {
  let text = '';
  for (const event of events) {
    text += JSON.stringify(event, Object.keys(event).sort());
    text += '\n';
  }
  return text;
}

/** SHA-256 (hex) of the canonical encoding. */
export function hashLog(events: readonly BattleEvent[]): string {
  return createHash('sha256').update(encodeLog(events)).digest('hex');
}
