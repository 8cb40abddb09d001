import type { UpdateFilter } from 'mongodb';
import type { GachaPullRecord } from '../../db/models/GachaPull.ts';
import type { PlayerRecord } from '../../db/models/Player.ts';
import { encodeResult } from './resultCodes.ts';
import type { PullResult } from './rollPull.ts';

/**
 * The single update a pull makes on its player: tickets charged, new characters added,
 * duplicates stacked, items counted, pity set and the outcome remembered for replays. Which
 * characters are new was decided from `player` as read, so the caller must make the update
 * conditional on that read's `version`. It goes to the driver as is (no Mongoose casting), so
 * every value here is already in its stored form.
 */
export function buildPullUpdate(
  player: PlayerRecord,
  record: GachaPullRecord,
  recentKept: number,
): UpdateFilter<PlayerRecord> {
  const increments: Record<string, number> = { tickets: -record.count, version: 1 };
  const additions: Record<string, { stacks: number }> = {};
  const owned = new Set(Object.keys(player.roster ?? {}));

  for (const result of record.results as PullResult[]) {
    const path = result.kind === 'item' ? `items.${result.itemId}` : `roster.${result.characterId}`;
    const added = additions[path];
    if (result.kind === 'item') bump(increments, path, 1);
    else if (added) added.stacks += 1;
    else if (owned.has(result.characterId)) bump(increments, `${path}.stacks`, 1);
    else additions[path] = newEntry(record.createdAt);
  }

  const { _id: pullId, playerId: _playerId, results, ...remembered } = record;
  const replay = { ...remembered, pullId, results: (results as PullResult[]).map(encodeResult) };
  return {
    $inc: increments,
    $set: { ...additions, [`pity.${record.family}`]: record.pityAfter },
    $push: { recentPulls: { $each: [replay], $slice: -recentKept } },
  } as UpdateFilter<PlayerRecord>;
}

function newEntry(obtainedAt: Date) {
  return { exp: 0, stacks: 0, upgradePoints: 0, upgrades: {}, obtainedAt };
}

function bump(increments: Record<string, number>, path: string, by: number): void {
  increments[path] = (increments[path] ?? 0) + by;
}
