import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Collection } from 'mongodb';
import mongoose, { type Connection } from 'mongoose';
import { z } from 'zod';
import { ERROR_CODES, GameError } from '../core/errors.ts';
import { logger } from '../core/logger.ts';
import { MAX_SEED, SeededRng } from '../core/rng.ts';
import {
  PULL_COUNTS,
  RECENT_PULLS_KEPT,
  TICKETS_PER_PULL,
  type PityFamily,
} from '../core/balance/gacha.ts';
import {
  getPlayerModel,
  type PlayerModel,
  type PlayerRecord,
  type RecentPullRecord,
} from '../db/models/Player.ts';
import {
  getGachaPullModel,
  type GachaPullModel,
  type GachaPullRecord,
} from '../db/models/GachaPull.ts';
import type { CharacterCatalog } from './player/catalog.ts';
import { parseOrThrow, playerNotFound } from './player/validation.ts';
import { activeBanners, findBanner, type ActiveBanner, type BannerView } from './gacha/banners.ts';
import { publishedRates, type PublishedRates } from './gacha/publishedRates.ts';
import { rollPulls, type PullResult, type PullRng } from './gacha/rollPull.ts';
import { buildPullUpdate } from './gacha/buildPullUpdate.ts';
import { decodeResult } from './gacha/resultCodes.ts';

export type { BannerView } from './gacha/banners.ts';
export type { PublishedRates } from './gacha/publishedRates.ts';
export type { PullResult, PullRng } from './gacha/rollPull.ts';

/** Optimistic attempts before a pull gives up under contention on one account. */
const MAX_ATTEMPTS = 40;
const HISTORY_PAGE_MAX = 100;
const DUPLICATE_KEY = 11000;
const log = logger.child({ component: 'gacha' });
/** What a pull reads: never the password hash, grant keys or the replay list. */
const LEAN_PULL_FIELDS = { passwordHash: 0, rewardKeys: 0, recentPulls: 0 } as const;

export interface GachaServiceOptions {
  /** Defaults to Mongoose's default connection. */
  connection?: Connection;
  registry: CharacterCatalog;
  /** A fresh generator per pull request; defaults to a cryptographically seeded SeededRng. */
  createRng?: () => PullRng;
  /** Milliseconds since the epoch; drives the featured rotation. */
  now?: () => number;
}

export interface PullRequest {
  bannerId: string;
  count: number;
}

export interface PullOutcome {
  pullId: string;
  bannerId: string;
  count: number;
  results: PullResult[];
  tickets: number;
  pity: number;
  /** True when an earlier request with the same key is being returned again. */
  isReplay: boolean;
}

export type HistoryEntry = Omit<PullOutcome, 'isReplay' | 'tickets'> & {
  createdAt: string;
  pityBefore: number;
};

export interface HistoryPage {
  pulls: HistoryEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** A pull request's body, exported for the OpenAPI document. */
export const pullSchema = z.object({
  bannerId: z.string().min(1).max(40),
  count: z.union(PULL_COUNTS.map((count) => z.literal(count))),
});
const keySchema = z.string().min(1).max(200);

/**
 * Gacha banners, published rates, pulls and their history (GAME.md §7). A pull's charge,
 * results and pity change are one conditional write on the player, guarded by its version.
 */
export class GachaService {
  #players: PlayerModel;
  #pulls: GachaPullModel;
  #catalog: CharacterCatalog;
  #createRng: () => PullRng;
  #now: () => number;

  constructor(options: GachaServiceOptions) {
    const connection = options.connection ?? mongoose.connection;
    this.#players = getPlayerModel(connection);
    this.#pulls = getGachaPullModel(connection);
    this.#catalog = options.registry;
    this.#createRng = options.createRng ?? (() => new SeededRng(randomInt(0, MAX_SEED + 1)));
    this.#now = options.now ?? Date.now;
  }

  /** Builds the audit indexes; safe to call more than once. */
  async init(): Promise<void> {
    await this.#pulls.init();
  }

  /** The three banners as they stand now. */
  banners(): BannerView[] {
    return activeBanners(this.#catalog, this.#now()).map(({ pools: _pools, ...view }) => view);
  }

  /** The exact published odds, pity curve included. */
  rates(): PublishedRates {
    const hasSixStars = this.#catalog.list('character').some((c) => c.rarity === 6);
    return publishedRates(hasSixStars);
  }

  /**
   * Buys 1, 5 or 10 pulls, all or nothing. A repeated `idempotencyKey` returns the first
   * outcome and charges nothing.
   * @throws GameError INVALID_PAYLOAD, UNKNOWN_BANNER, NOT_ENOUGH_TICKETS, IDEMPOTENCY_CONFLICT,
   *   PLAYER_NOT_FOUND, CONFLICT (still contended after many retries; safe to retry).
   */
  async pull(
    playerId: string,
    request: PullRequest,
    idempotencyKey?: string,
  ): Promise<PullOutcome> {
    const { bannerId, count } = parseOrThrow(pullSchema, request, 'Pull request');
    const key = idempotencyKey === undefined
      ? randomUUID()
      : parseOrThrow(keySchema, idempotencyKey, 'Idempotency-Key');
    const banner = findBanner(this.#catalog, bannerId, this.#now());
    if (!banner) throw new GameError(ERROR_CODES.UNKNOWN_BANNER, `Banner "${bannerId}" not found`);

    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const outcome = await this.#tryPull(playerId, banner, count, key);
      if (outcome) return outcome;
    }
    throw new GameError(
      ERROR_CODES.CONFLICT,
      `Pull for player "${playerId}" kept conflicting with other writes; retry it`,
    );
  }

  /**
   * The player's pulls, newest first, `limit` per page; pass `before` from the last page.
   * @throws GameError INVALID_PAYLOAD.
   */
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

  /** One optimistic attempt; undefined when another write got there first. */
  async #tryPull(
    playerId: string,
    banner: ActiveBanner,
    count: number,
    key: string,
  ): Promise<PullOutcome | undefined> {
    const player = await this.#players.findById(playerId, LEAN_PULL_FIELDS).lean<PlayerRecord>();
    if (!player) throw playerNotFound(playerId);

    const price = count * TICKETS_PER_PULL;
    if (player.tickets < price) {
      const earlier = await this.#findEarlier(playerId, key);
      if (earlier) return this.#replay(playerId, earlier, banner.id, count);
      throw new GameError(
        ERROR_CODES.NOT_ENOUGH_TICKETS,
        `Pull needs ${price} tickets; player "${playerId}" has ${player.tickets}`,
      );
    }

    const record = this.#roll(player, banner, count, key);
    const updated = await this.#rawPlayers().updateOne(
      { _id: playerId, version: player.version, 'recentPulls.key': { $ne: key } },
      buildPullUpdate(player, record, RECENT_PULLS_KEPT),
    );
    if (updated.matchedCount === 1) {
      await this.#audit(record);
      return toOutcome(record, false);
    }

    // Lost a race, or the key was used before: a replay answers now, a race retries.
    const earlier = await this.#findEarlier(playerId, key);
    return earlier ? this.#replay(playerId, earlier, banner.id, count) : undefined;
  }

  /** The players collection without Mongoose casting, for the prebuilt pull update. */
  #rawPlayers(): Collection<PlayerRecord> {
    return this.#players.collection as unknown as Collection<PlayerRecord>;
  }

  async #findEarlier(playerId: string, key: string): Promise<RecentPullRecord | undefined> {
    const player = await this.#players
      .findById(playerId, { recentPulls: 1 })
      .lean<Pick<PlayerRecord, 'recentPulls'>>();
    return player?.recentPulls?.find((pull) => pull.key === key);
  }

  #roll(player: PlayerRecord, banner: ActiveBanner, count: number, key: string): GachaPullRecord {
    const family: PityFamily = banner.family;
    const pityBefore = player.pity?.[family] ?? 0;
    const { results, pity } = rollPulls(pityBefore, banner.pools, count, this.#createRng());
    const createdAt = new Date(this.#now());
    return {
      _id: newPullId(createdAt.getTime()),
      playerId: player._id,
      bannerId: banner.id,
      family,
      count,
      key,
      results,
      pityBefore,
      pityAfter: pity,
      ticketsAfter: player.tickets - count * TICKETS_PER_PULL,
      playerVersion: player.version,
      createdAt,
    };
  }

  async #replay(
    playerId: string,
    earlier: RecentPullRecord,
    bannerId: string,
    count: number,
  ): Promise<PullOutcome> {
    if (earlier.bannerId !== bannerId || earlier.count !== count) {
      throw new GameError(
        ERROR_CODES.IDEMPOTENCY_CONFLICT,
        `Idempotency-Key "${earlier.key}" was already used for ${earlier.count} pulls ` +
          `on banner "${earlier.bannerId}"`,
      );
    }
    const { pullId, results, ...rest } = earlier;
    const record = { ...rest, _id: pullId, playerId, results: results.map(decodeResult) };
    await this.#audit(record, true);
    return toOutcome(record, true);
  }

  /**
   * Writes the audit record: an insert for a fresh pull, an upsert for a replay (which so
   * repairs a record a crash lost between the player write and this one).
   */
  async #audit(record: GachaPullRecord, isReplay = false): Promise<void> {
    const { _id, ...fields } = record;
    try {
      if (isReplay) {
        await this.#pulls.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true });
      } else {
        await this.#rawPulls().insertOne(record);
      }
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
      // Two replays of one pull can race to insert it: the loser has nothing left to do.
      if (await this.#pulls.exists({ _id })) return;
      // A key reused after it left the replay window: keep the audit whole under a unique key.
      log.warn({ playerId: record.playerId, pullId: _id }, 'idempotency key reused late');
      await this.#audit({ ...record, key: `${record.key}~${_id}` });
    }
  }

  #rawPulls(): Collection<GachaPullRecord> {
    return this.#pulls.collection as unknown as Collection<GachaPullRecord>;
  }
}

function toOutcome(record: GachaPullRecord, isReplay: boolean): PullOutcome {
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

function toHistoryEntry(record: GachaPullRecord): HistoryPage['pulls'][number] {
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

/** A string id that sorts by creation time: base-36 milliseconds, then random hex. */
function newPullId(nowMs: number): string {
  return `${nowMs.toString(36).padStart(10, '0')}${randomBytes(6).toString('hex')}`;
}
