import type { BattleEvent } from './types.ts';

/** One JSON object per event, keys sorted, joined by newlines: the log as readable text. */
export function encodeLog(events: readonly BattleEvent[]): string {
  let text = '';
  for (const event of events) {
    text += JSON.stringify(event, Object.keys(event).sort());
    text += '\n';
  }
  return text;
}
