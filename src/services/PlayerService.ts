import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { z } from 'zod';
import { ERROR_CODES, GameError } from '../core/errors.ts';
import { BALANCE_CEILING, PARTY_MAX } from '../core/balance/progression.ts';
import { getPlayerModel, type PlayerModel, type PlayerRecord } from '../db/models/Player.ts';
import { findCharacter, starterCharacterIds, type CharacterCatalog } from './player/catalog.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from './player/passwords.ts';
import { parseItemKey } from './player/items.ts';
import {
  characterIdSchema,
  credentialsSchema,
  hasCharacter,
  invalidCredentials,
  loginSchema,
  notOwned,
  parseOrThrow,
  playerNotFound,
  strictRecord,
  usernameKeyOf,
  type Credentials,
} from './player/validation.ts';
import {
  PLAYER_VIEW_PROJECTION,
  toPlayerView,
  type PlayerEditor,
  type PlayerView,
} from './player/toPlayerView.ts';
import { PlayerUpgrades, type EditorInput } from './player/PlayerUpgrades.ts';
import {
  findPastCeiling,
  pastCeiling,
  withinCeiling,
  type Increments,
} from './player/withinCeiling.ts';

export type { PlayerView, PlayerEditor, RosterEntry } from './player/toPlayerView.ts';
export type { Credentials } from './player/validation.ts';

/**
 * How many grant keys a player remembers.
 * Known limitation: a key older than the last 500 grants would apply again if replayed.
 */
const REWARD_KEYS_KEPT = 500;
const DUPLICATE_KEY = 11000;

export interface PlayerServiceOptions {
  /** Defaults to Mongoose's default connection. */
  connection?: Connection;
  registry: CharacterCatalog;
  welcomeTickets: number;
}

/** A reward grant; `key` makes it idempotent. All amounts are non-negative integers. */
export interface RewardGrant {
  key: string;
  characterExp?: Record<string, number>;
  /** Account exp added as given; see `userExpForBattle` for the GAME.md §2 division. */
  userExp?: number;
  items?: Record<string, number>;
  tickets?: number;
  gold?: number;
}

const amount = z.number().int().min(0).max(BALANCE_CEILING);
const grantSchema = z.strictObject({
  key: z.string().min(1).max(200),
  characterExp: strictRecord(z.record(characterIdSchema, amount)).optional(),
  userExp: amount.optional(),
  items: strictRecord(z.record(z.string(), amount)).optional(),
  tickets: amount.optional(),
  gold: amount.optional(),
});

/**
 * Accounts, roster, party, editor and upgrades. Every method returns plain objects, and every
 * write that moves value is one conditional single-document update.
 */
export class PlayerService {
  #players: PlayerModel;
  #catalog: CharacterCatalog;
  #welcomeTickets: number;
  readonly upgrades: PlayerUpgrades;

  constructor(options: PlayerServiceOptions) {
    this.#players = getPlayerModel(options.connection ?? mongoose.connection);
    this.#catalog = options.registry;
    this.#welcomeTickets = options.welcomeTickets;
    this.upgrades = new PlayerUpgrades(this.#players, this.#catalog);
  }

  /** Builds the indexes (unique usernames); safe to call more than once. */
  async init(): Promise<void> {
    await this.#players.init();
  }

  /**
   * Creates an account with the starter characters and the welcome tickets.
   * @throws GameError INVALID_PAYLOAD for a bad name or password, USERNAME_TAKEN.
   */
  async register(credentials: Credentials): Promise<PlayerView> {
    const { username, password } = parseCredentials(credentials);
    const starters = starterCharacterIds(this.#catalog);
    const avatar = findCharacter(this.#catalog, starters[0] ?? '');
    const roster = Object.fromEntries(starters.map((id) => [id, {}]));
    await this.init();

    try {
      const created = await this.#players.create({
        _id: randomUUID(),
        username,
        usernameKey: usernameKeyOf(username),
        passwordHash: await hashPassword(password),
        tickets: this.#welcomeTickets,
        roster,
        party: starters,
        editor: { element: avatar?.element ?? 'Generic' },
      });
      return toPlayerView(created.toObject() as PlayerRecord);
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
      throw new GameError(ERROR_CODES.USERNAME_TAKEN, `Username "${username}" is taken`);
    }
  }

  /**
   * Checks a username and password.
   * @throws GameError INVALID_CREDENTIALS, the same for an unknown name as for a wrong password;
   *   INVALID_PAYLOAD when either is not a string.
   */
  async login(credentials: Credentials): Promise<PlayerView> {
    const { username, password } = parseOrThrow(loginSchema, credentials, 'Login');
    const record = await this.#players
      .findOne({ usernameKey: usernameKeyOf(username) })
      .lean<PlayerRecord>();

    if (!record) {
      await burnPasswordCheck(password);
      throw invalidCredentials();
    }
    if (!(await verifyPassword(password, record.passwordHash))) throw invalidCredentials();
    return toPlayerView(record);
  }

  /**
   * The player with id `id`.
   * @throws GameError PLAYER_NOT_FOUND.
   */
  async findById(id: string): Promise<PlayerView> {
    const record = await this.#players
      .findById(String(id), PLAYER_VIEW_PROJECTION)
      .lean<PlayerRecord>();
    if (!record) throw playerNotFound(id);
    return toPlayerView(record);
  }

  /**
   * The player named `username` (case-insensitive), for operators.
   * @throws GameError PLAYER_NOT_FOUND.
   */
  async findByUsername(username: string): Promise<PlayerView> {
    const record = await this.#players
      .findOne({ usernameKey: usernameKeyOf(String(username)) }, PLAYER_VIEW_PROJECTION)
      .lean<PlayerRecord>();
    if (!record) throw playerNotFound(username);
    return toPlayerView(record);
  }

  /**
   * Sets the party: 1 to 5 distinct characters the player owns.
   * @throws GameError INVALID_PARTY, CHARACTER_NOT_OWNED, PLAYER_NOT_FOUND.
   */
  async setParty(playerId: string, characterIds: string[]): Promise<string[]> {
    const party = parseOrThrow(z.array(characterIdSchema), characterIds, 'Party');
    const isDistinct = new Set(party).size === party.length;
    if (party.length < 1 || party.length > PARTY_MAX || !isDistinct) {
      throw new GameError(
        ERROR_CODES.INVALID_PARTY,
        `Party must hold 1 to ${PARTY_MAX} distinct characters, got ${party.length}`,
      );
    }

    const owned = Object.fromEntries(party.map((id) => [`roster.${id}`, { $exists: true }]));
    const updated = await this.#players.updateOne(
      { _id: playerId, ...owned },
      { $set: { party }, $inc: { version: 1 } },
    );
    if (updated.matchedCount === 0) await this.#explainMissingCharacters(playerId, party);
    return party;
  }

  /**
   * Sets the avatar's pronouns, element and stat allocation (GAME.md §7).
   * @throws GameError INVALID_PAYLOAD, PLAYER_NOT_FOUND.
   */
  async updateEditor(playerId: string, editor: EditorInput): Promise<PlayerEditor> {
    return this.upgrades.updateEditor(playerId, editor);
  }

  /**
   * Applies a reward grant in one conditional update; a key seen before applies nothing. A grant
   * that would take any balance past `BALANCE_CEILING` applies nothing and leaves its key unused.
   * @throws GameError INVALID_PAYLOAD, BALANCE_LIMIT (past the ceiling), CHARACTER_NOT_OWNED,
   *   PLAYER_NOT_FOUND, CONFLICT.
   */
  async grantRewards(playerId: string, grant: RewardGrant): Promise<{ applied: boolean }> {
    const parsed = parseOrThrow(grantSchema, grant, 'Reward grant');
    const { key, characterExp = {}, items = {}, userExp = 0, tickets = 0, gold = 0 } = parsed;

    const increments: Record<string, number> = { userExp, tickets, gold };
    for (const [id, exp] of Object.entries(characterExp)) increments[`roster.${id}.exp`] = exp;
    for (const [itemId, count] of Object.entries(items)) {
      if (!parseItemKey(itemId)) {
        throw new GameError(ERROR_CODES.INVALID_PAYLOAD, `Item "${itemId}" does not exist`);
      }
      increments[`items.${itemId}`] = count;
    }

    const owned = Object.keys(characterExp).map((id) => [`roster.${id}`, { $exists: true }]);
    const updated = await this.#players.updateOne(
      {
        _id: playerId,
        rewardKeys: { $ne: key },
        ...Object.fromEntries(owned),
        ...withinCeiling(increments),
      },
      {
        $inc: { ...increments, version: 1 },
        $push: { rewardKeys: { $each: [key], $slice: -REWARD_KEYS_KEPT } },
      },
    );
    if (updated.matchedCount === 1) return { applied: true };
    return this.#explainUnappliedGrant(playerId, key, increments, Object.keys(characterExp));
  }

  async #explainUnappliedGrant(
    playerId: string,
    key: string,
    increments: Increments,
    characterIds: string[],
  ): Promise<{ applied: boolean }> {
    const seen = await this.#players.exists({ _id: playerId, rewardKeys: key });
    if (seen) return { applied: false };
    const record = await this.#players
      .findById(playerId, { tickets: 1, gold: 1, userExp: 1, items: 1, roster: 1 })
      .lean<PlayerRecord>();
    if (!record) throw playerNotFound(playerId);

    const missing = characterIds.find((id) => !hasCharacter(record.roster, id));
    if (missing) throw notOwned(missing, playerId);
    const past = findPastCeiling(record, increments);
    if (past) throw pastCeiling(past);
    throw new GameError(ERROR_CODES.CONFLICT, `Grant "${key}" could not be applied; retry it`);
  }

  async #explainMissingCharacters(playerId: string, characterIds: string[]): Promise<never> {
    const record = await this.#players.findById(playerId, { roster: 1 }).lean<PlayerRecord>();
    if (!record) throw playerNotFound(playerId);

    const missing = characterIds.find((id) => !hasCharacter(record.roster, id));
    throw notOwned(missing ?? String(characterIds[0]), playerId);
  }
}

function parseCredentials(credentials: Credentials): Credentials {
  return parseOrThrow(credentialsSchema, credentials, 'Credentials');
}
