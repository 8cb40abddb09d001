import { randomBytes } from 'node:crypto';
import type { GachaPullRecord } from '../../db/models/GachaPull.ts';
import type { RecentPullRecord } from '../../db/models/Player.ts';
import type { PullOutcome } from '../GachaService.ts';
import { decodeResult } from './resultCodes.ts';
import type { PullResult } from './rollPull.ts';

/** The audit record of a pull, rebuilt from the copy its player keeps for replays. */
export function recordFromRecent(playerId: string, recent: RecentPullRecord): GachaPullRecord {
  const { pullId, results, ...rest } = recent;
  return { ...rest, _id: pullId, playerId, results: results.map(decodeResult) };
}

/** What a pull request answers, from the pull's audit record. */
export function toOutcome(record: GachaPullRecord, isReplay: boolean): PullOutcome {
  return {
    pullId: record._id,
    bannerId: record.bannerId,
    count: record.count,
    results: record.results as PullResult[],
    tickets: record.ticketsAfter,
    pity: record.pityAfter,
    isReplay,
  };
}

/**
 * A string id that sorts by creation time: base-36 milliseconds, then the player's version
 * (which each pull raises, so one player's pulls within a millisecond keep their order), then
 * random hex.
 */
export function newPullId(nowMs: number, playerVersion: number): string {
  const time = nowMs.toString(36).padStart(10, '0');
  const version = playerVersion.toString(36).padStart(7, '0');
  return `${time}${version}${randomBytes(6).toString('hex')}`;
}
