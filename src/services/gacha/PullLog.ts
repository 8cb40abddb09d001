import type { Collection } from 'mongodb';
import { logger } from '../../core/logger.ts';
import type { GachaPullModel, GachaPullRecord } from '../../db/models/GachaPull.ts';
import type { PullResult } from './rollPull.ts';

const DUPLICATE_KEY = 11000;
const HISTORY_PAGE_MAX = 100;
const log = logger.child({ component: 'gacha' });

export interface HistoryEntry {
  pullId: string;
  bannerId: string;
  count: number;
  results: PullResult[];
  pityBefore: number;
  pity: number;
  createdAt: string;
}

export interface HistoryPage {
  pulls: HistoryEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** The append-only audit of pulls (collection `gachapulls`) and the history read from it. */
export class PullLog {
  #pulls: GachaPullModel;

  constructor(pulls: GachaPullModel) {
    this.#pulls = pulls;
  }

  /**
   * Writes one pull's record: an insert for a fresh pull, an upsert for a replay (which so
   * repairs a record a crash lost between the player write and this one).
   */
  async record(record: GachaPullRecord, isReplay = false): Promise<void> {
    const { _id, ...fields } = record;
    try {
      if (isReplay) {
        await this.#pulls.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true });
      } else {
        await (this.#pulls.collection as unknown as Collection<GachaPullRecord>).insertOne(record);
      }
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
      // Two replays of one pull can race to insert it: the loser has nothing left to do.
      if (await this.#pulls.exists({ _id })) return;
      // A key reused after it left the replay window: keep the audit whole under a unique key.
      log.warn({ playerId: record.playerId, pullId: _id }, 'idempotency key reused late');
      await this.record({ ...record, key: `${record.key}~${_id}` });
    }
  }

  /** Writes back those of `records` that have no audit record, each with a warning. */
  async restoreMissing(records: GachaPullRecord[]): Promise<void> {
    if (records.length === 0) return;
    const recorded = await this.#pulls.distinct('_id', {
      _id: { $in: records.map((record) => record._id) },
    });
    const isRecorded = new Set(recorded.map(String));
    for (const record of records) {
      if (isRecorded.has(record._id)) continue;
      log.warn({ playerId: record.playerId, pullId: record._id }, 'lost pull audit restored');
      await this.record(record, true);
    }
  }

  /** The player's pulls, newest first; `before` is the last page's `nextCursor`. */
  async history(
    playerId: string,
    page: { limit?: number; before?: string } = {},
  ): Promise<HistoryPage> {
    const limit = Math.min(HISTORY_PAGE_MAX, Math.max(1, Math.floor(page.limit ?? 20)));
    const filter: Record<string, unknown> = { playerId };
    if (page.before !== undefined) filter._id = { $lt: String(page.before) };

    const records = await this.#pulls
      .find(filter)
      .sort({ _id: -1 })
      .limit(limit + 1)
      .lean<GachaPullRecord[]>();
    const pulls = records.slice(0, limit).map(toHistoryEntry);
    const nextCursor = records.length > limit ? (pulls.at(-1)?.pullId ?? null) : null;
    return { pulls, nextCursor };
  }
}

function toHistoryEntry(record: GachaPullRecord): HistoryEntry {
  return {
    pullId: record._id,
    bannerId: record.bannerId,
    count: record.count,
    results: record.results as PullResult[],
    pityBefore: record.pityBefore,
    pity: record.pityAfter,
    createdAt: new Date(record.createdAt).toISOString(),
  };
}
