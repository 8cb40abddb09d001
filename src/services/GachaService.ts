import { randomInt, randomUUID } from 'node:crypto';
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
import { newPullId, recordFromRecent, toOutcome } from './gacha/pullRecords.ts';
import { PullLog, type HistoryPage } from './gacha/PullLog.ts';
import { TurnQueue } from './gacha/TurnQueue.ts';

export type { BannerView } from './gacha/banners.ts';
export type { PublishedRates } from './gacha/publishedRates.ts';
export type { PullResult, PullRng } from './gacha/rollPull.ts';
export type { HistoryEntry, HistoryPage } from './gacha/PullLog.ts';

/** Optimistic attempts before a pull gives up under contention on one account. */
const MAX_ATTEMPTS = 40;
/** Pulls of one player that may be in progress or waiting in this process at once. */
const MAX_PENDING_PULLS = 20;
/** Longest a pull waits behind the player's earlier ones (a database that does not answer). */
const MAX_TURN_WAIT_MS = 5_000;
/** A pull's audit record counts as lost once the pull is this old and it is still missing. */
const AUDIT_RESTORE_GRACE_MS = 60_000;
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
  /** Each player's pulls in this process, one at a time. */
  #turns = new TurnQueue({
    maxPending: MAX_PENDING_PULLS,
    maxWaitMs: MAX_TURN_WAIT_MS,
    noun: 'pulls',
  });

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
   *   PLAYER_NOT_FOUND, RATE_LIMITED (20 of the player's pulls already in progress or waiting),
   *   UNAVAILABLE (an earlier pull of the player held the turn for over 5 s),
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

    return this.#turns.run(playerId, () => this.#pullWithRetries(playerId, banner, count, key));
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
    // A younger pull may be between its two writes right now, its record about to arrive.
    const settledBefore = this.#now() - AUDIT_RESTORE_GRACE_MS;
    const recent = await this.#recentPulls(playerId);
    const settled = recent.filter((pull) => new Date(pull.createdAt).getTime() < settledBefore);
    await this.#log.restoreMissing(settled.map((pull) => recordFromRecent(playerId, pull)));
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
