import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Collection } from 'mongodb';
import mongoose, { type Connection } from 'mongoose';
import { z } from 'zod';
import { ERROR_CODES, GameError } from '../core/errors.ts';
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
import { PullLog, type HistoryPage } from './gacha/PullLog.ts';

export type { BannerView } from './gacha/banners.ts';
export type { PublishedRates } from './gacha/publishedRates.ts';
export type { PullResult, PullRng } from './gacha/rollPull.ts';
export type { HistoryEntry, HistoryPage } from './gacha/PullLog.ts';

/** Optimistic attempts before a pull gives up under contention on one account. */
const MAX_ATTEMPTS = 40;
/** Pulls of one player that may wait here behind the one in progress. */
const MAX_WAITING_PULLS = 20;
/** Upper bound of the random pause after a lost race grows by this much per attempt. */
const RETRY_JITTER_MS_PER_ATTEMPT = 2;
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
  #log: PullLog;
  #catalog: CharacterCatalog;
  #createRng: () => PullRng;
  #now: () => number;
  /** Each player's pulls in this process, as a chain, and how many wait on it. */
  #queues = new Map<string, { tail: Promise<unknown>; waiting: number }>();

  constructor(options: GachaServiceOptions) {
    const connection = options.connection ?? mongoose.connection;
    this.#players = getPlayerModel(connection);
    this.#pulls = getGachaPullModel(connection);
    this.#log = new PullLog(this.#pulls);
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
   * One player's pulls run one at a time in this process; other processes race optimistically.
   * @throws GameError INVALID_PAYLOAD, UNKNOWN_BANNER, NOT_ENOUGH_TICKETS, IDEMPOTENCY_CONFLICT,
   *   PLAYER_NOT_FOUND, RATE_LIMITED (too many of the player's pulls already waiting),
   *   CONFLICT (still contended after many retries; safe to retry).
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

    return this.#inTurn(playerId, () => this.#pullWithRetries(playerId, banner, count, key));
  }

  /** Runs `task` after the player's earlier pulls in this process have settled. */
  #inTurn<T>(playerId: string, task: () => Promise<T>): Promise<T> {
    const queue = this.#queues.get(playerId) ?? { tail: Promise.resolve(), waiting: 0 };
    if (queue.waiting >= MAX_WAITING_PULLS) {
      throw new GameError(
        ERROR_CODES.RATE_LIMITED,
        `Player "${playerId}" already has ${queue.waiting} pulls waiting; retry later`,
      );
    }
    queue.waiting++;
    const result = queue.tail.then(task, task);
    const settled = result.then(() => undefined, () => undefined);
    queue.tail = settled;
    this.#queues.set(playerId, queue);
    void settled.then(() => {
      queue.waiting--;
      if (queue.waiting === 0) this.#queues.delete(playerId);
    });
    return result;
  }

  async #pullWithRetries(
    playerId: string,
    banner: ActiveBanner,
    count: number,
    key: string,
  ): Promise<PullOutcome> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const outcome = await this.#tryPull(playerId, banner, count, key);
      if (outcome) return outcome;
      // Another process won the race: pause a random moment so the two stop colliding.
      const pauseMs = Math.random() * RETRY_JITTER_MS_PER_ATTEMPT * (attempt + 1);
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
    throw new GameError(
      ERROR_CODES.CONFLICT,
      `Pull for player "${playerId}" kept conflicting with other writes; retry it`,
    );
  }

  /**
   * The player's pulls, newest first, `limit` (1–100) per page; pass `before` from the last page.
   * The first page first restores any audit record a crash lost after its pull was saved.
   */
  async history(
    playerId: string,
    page: { limit?: number; before?: string } = {},
  ): Promise<HistoryPage> {
    if (page.before === undefined) await this.#restoreLostAudits(playerId);
    return this.#log.history(playerId, page);
  }

  /** One optimistic attempt; undefined when another write got there first. */
  async #tryPull(
    playerId: string,
    banner: ActiveBanner,
    count: number,
    key: string,
  ): Promise<PullOutcome | undefined> {
    const player = await this.#rawPlayers().findOne(
      { _id: playerId },
      { projection: LEAN_PULL_FIELDS },
    );
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
      await this.#log.record(record);
      return toOutcome(record, false);
    }

    // Lost a race, or the key was used before: a replay answers now, a race retries.
    const earlier = await this.#findEarlier(playerId, key);
    return earlier ? this.#replay(playerId, earlier, banner.id, count) : undefined;
  }

  /** The players collection without Mongoose: the hot path's read and prebuilt update. */
  #rawPlayers(): Collection<PlayerRecord> {
    return this.#players.collection as unknown as Collection<PlayerRecord>;
  }

  async #findEarlier(playerId: string, key: string): Promise<RecentPullRecord | undefined> {
    return (await this.#recentPulls(playerId)).find((pull) => pull.key === key);
  }

  /** The copies of its last pulls a player keeps for replays, oldest first. */
  async #recentPulls(playerId: string): Promise<RecentPullRecord[]> {
    const player = await this.#players
      .findById(playerId, { recentPulls: 1 })
      .lean<Pick<PlayerRecord, 'recentPulls'>>();
    return player?.recentPulls ?? [];
  }

  /**
   * A pull is saved on the player before its audit record is written, so a crash in between
   * leaves the record missing. The player's replay list still holds the pull: write it back.
   * Known limitation: only the last RECENT_PULLS_KEPT pulls can be restored this way.
   */
  async #restoreLostAudits(playerId: string): Promise<void> {
    const recent = await this.#recentPulls(playerId);
    await this.#log.restoreMissing(recent.map((pull) => recordFromRecent(playerId, pull)));
  }

  #roll(player: PlayerRecord, banner: ActiveBanner, count: number, key: string): GachaPullRecord {
    const family: PityFamily = banner.family;
    const pityBefore = player.pity?.[family] ?? 0;
    const { results, pity } = rollPulls(pityBefore, banner.pools, count, this.#createRng());
    const createdAt = new Date(this.#now());
    return {
      _id: newPullId(createdAt.getTime(), player.version),
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
    const record = recordFromRecent(playerId, earlier);
    await this.#log.record(record, true);
    return toOutcome(record, true);
  }
}

/** The audit record of a pull, rebuilt from the copy its player keeps for replays. */
function recordFromRecent(playerId: string, recent: RecentPullRecord): GachaPullRecord {
  const { pullId, results, ...rest } = recent;
  return { ...rest, _id: pullId, playerId, results: results.map(decodeResult) };
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

/**
 * A string id that sorts by creation time: base-36 milliseconds, then the player's version
 * (which each pull raises, so one player's pulls within a millisecond keep their order), then
 * random hex.
 */
function newPullId(nowMs: number, playerVersion: number): string {
  const time = nowMs.toString(36).padStart(10, '0');
  const version = playerVersion.toString(36).padStart(7, '0');
  return `${time}${version}${randomBytes(6).toString('hex')}`;
}
