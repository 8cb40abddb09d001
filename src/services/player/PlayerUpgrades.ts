import { z } from 'zod';
import { ERROR_CODES, GameError } from '../../core/errors.ts';
import {
  AVATAR_ID,
  BALANCE_CEILING,
  EDITOR_POINTS,
  EDITOR_PRONOUNS_MAX,
  EDITOR_STATS,
  UPGRADABLE_STATS,
} from '../../core/balance/progression.ts';
import {
  ITEM_ELEMENTS,
  ITEM_UPGRADE_POINTS,
  ITEMS_PER_CRAFT,
  MAX_ITEM_STARS,
} from '../../core/balance/gacha.ts';
import type { PlayerModel, PlayerRecord } from '../../db/models/Player.ts';
import { findCharacter, type CharacterCatalog } from './catalog.ts';
import { itemKey } from './items.ts';
import { findPastCeiling, pastCeiling, withinCeiling, type Increments } from './withinCeiling.ts';
import type { PlayerEditor } from './toPlayerView.ts';
import {
  characterIdSchema,
  hasCharacter,
  notOwned,
  parseOrThrow,
  playerNotFound,
  strictRecord,
} from './validation.ts';

/**
 * Control characters (NUL included) and unpaired surrogates; the latter would be stored as
 * U+FFFD. With the `u` flag a well-formed pair is one code point, so only lone halves match.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cs}]/u;
const UNPRINTABLE_MESSAGE = 'must not hold control characters or lone surrogates';

const count = z.number().int().min(1).max(1_000_000);
const stars = z.number().int().min(1).max(MAX_ITEM_STARS);

/** Request shapes, exported for the OpenAPI document. */
export const editorSchema = z.strictObject({
  pronouns: z
    .string()
    .trim()
    .max(EDITOR_PRONOUNS_MAX)
    .refine((text) => !UNPRINTABLE.test(text), UNPRINTABLE_MESSAGE),
  element: z.enum(ITEM_ELEMENTS),
  allocation: strictRecord(
    z.partialRecord(z.enum(EDITOR_STATS), z.number().int().min(0).max(EDITOR_POINTS)),
  ).refine(
    (allocation) => sumOf(allocation) <= EDITOR_POINTS,
    `must spend at most ${EDITOR_POINTS} points`,
  ),
});
export const craftSchema = z.strictObject({
  element: z.enum(ITEM_ELEMENTS),
  stars: stars.max(MAX_ITEM_STARS - 1),
  count,
});
export const convertSchema = z.strictObject({
  characterId: characterIdSchema,
  element: z.enum(ITEM_ELEMENTS),
  stars,
  count,
});
export const spendSchema = z.strictObject({
  characterId: characterIdSchema,
  stat: z.enum(UPGRADABLE_STATS),
  points: z.number().int().min(1).max(BALANCE_CEILING),
});

export type EditorInput = z.infer<typeof editorSchema>;
export type CraftInput = z.infer<typeof craftSchema>;
export type ConvertInput = z.infer<typeof convertSchema>;
export type SpendInput = z.infer<typeof spendSchema>;

/**
 * The avatar editor, item crafting and upgrade points (GAME.md §7). Each operation is one
 * conditional update whose filter holds its precondition, so two racing requests can never both
 * spend the same items or points, and no balance it raises can pass `BALANCE_CEILING`.
 */
export class PlayerUpgrades {
  #players: PlayerModel;
  #catalog: CharacterCatalog;

  constructor(players: PlayerModel, catalog: CharacterCatalog) {
    this.#players = players;
    this.#catalog = catalog;
  }

  /**
   * Sets the avatar's pronouns, element and allocation of 100 points.
   * @throws GameError INVALID_PAYLOAD, PLAYER_NOT_FOUND.
   */
  async updateEditor(playerId: string, input: EditorInput): Promise<PlayerEditor> {
    const editor = parseOrThrow(editorSchema, input, 'Editor');
    const allocation = Object.fromEntries(EDITOR_STATS.map((s) => [s, editor.allocation[s] ?? 0]));
    const updated = await this.#players.updateOne(
      { _id: playerId },
      { $set: { editor: { ...editor, allocation } }, $inc: { version: 1 } },
    );
    if (updated.matchedCount === 0) throw playerNotFound(playerId);
    return { pronouns: editor.pronouns, element: editor.element, allocation };
  }

  /**
   * Combines 125 items of one element and star into 1 of the next star, `count` times.
   * @throws GameError INVALID_PAYLOAD, BALANCE_LIMIT (past the ceiling), NOT_ENOUGH_ITEMS,
   *   PLAYER_NOT_FOUND.
   */
  async craft(playerId: string, input: CraftInput): Promise<Record<string, number>> {
    const { element, stars, count } = parseOrThrow(craftSchema, input, 'Craft request');
    const source = itemKey(element, stars as 1 | 2 | 3);
    const target = itemKey(element, (stars + 1) as 2 | 3 | 4);
    const spent = ITEMS_PER_CRAFT * count;
    const changes = { [`items.${source}`]: -spent, [`items.${target}`]: count };

    const updated = await this.#players.updateOne(
      { _id: playerId, [`items.${source}`]: { $gte: spent }, ...withinCeiling(changes) },
      { $inc: { ...changes, version: 1 } },
    );
    if (updated.matchedCount === 0) {
      await this.#explain(playerId, undefined, changes, () =>
        notEnoughItems(playerId, source, spent),
      );
    }
    return { [source]: -spent, [target]: count };
  }

  /**
   * Turns items into a character's upgrade points; a character takes its own element's items,
   * while the avatar and a character whose element has no items (Generic) take any element.
   * @throws GameError INVALID_PAYLOAD, BALANCE_LIMIT (past the ceiling), CHARACTER_NOT_OWNED,
   *   NOT_ENOUGH_ITEMS, PLAYER_NOT_FOUND.
   */
  async convert(playerId: string, input: ConvertInput): Promise<{ upgradePoints: number }> {
    const { characterId, element, stars, count } = parseOrThrow(convertSchema, input, 'Convert');
    this.#checkElement(characterId, element);
    const key = itemKey(element, stars as 1 | 2 | 3 | 4);
    const points = ITEM_UPGRADE_POINTS[stars as 1 | 2 | 3 | 4] * count;
    const entry = `roster.${characterId}`;
    const changes = { [`items.${key}`]: -count, [`${entry}.upgradePoints`]: points };

    const updated = await this.#players
      .findOneAndUpdate(
        {
          _id: playerId,
          [`items.${key}`]: { $gte: count },
          [entry]: { $exists: true },
          ...withinCeiling(changes),
        },
        { $inc: { ...changes, version: 1 } },
        { returnDocument: 'after', projection: { [entry]: 1 } },
      )
      .lean<PlayerRecord>();
    if (!updated) {
      await this.#explain(playerId, characterId, changes, () =>
        notEnoughItems(playerId, key, count),
      );
    }
    return { upgradePoints: rosterEntry(updated, characterId)?.upgradePoints ?? 0 };
  }

  /**
   * Spends a character's upgrade points on one stat (+0.1 % each).
   * @throws GameError INVALID_PAYLOAD, BALANCE_LIMIT (past the ceiling), CHARACTER_NOT_OWNED,
   *   NOT_ENOUGH_POINTS, PLAYER_NOT_FOUND.
   */
  async spend(playerId: string, input: SpendInput): Promise<Record<string, number>> {
    const { characterId, stat, points } = parseOrThrow(spendSchema, input, 'Spend request');
    const entry = `roster.${characterId}`;

    const spent = { [`${entry}.upgradePoints`]: -points, [`${entry}.upgrades.${stat}`]: points };
    const updated = await this.#players
      .findOneAndUpdate(
        { _id: playerId, [`${entry}.upgradePoints`]: { $gte: points }, ...withinCeiling(spent) },
        { $inc: { ...spent, version: 1 } },
        { returnDocument: 'after', projection: { [entry]: 1 } },
      )
      .lean<PlayerRecord>();
    if (!updated) {
      await this.#explain(playerId, characterId, spent, () => {
        throw new GameError(
          ERROR_CODES.NOT_ENOUGH_POINTS,
          `Character "${characterId}" has fewer than ${points} upgrade points`,
        );
      });
    }
    return { ...rosterEntry(updated, characterId)?.upgrades };
  }

  /** The avatar, and a character whose element has no items (Generic), take any element. */
  #checkElement(characterId: string, element: string): void {
    if (characterId === AVATAR_ID) return;
    const character = findCharacter(this.#catalog, characterId);
    if (!character || !isItemElement(character.element)) return;
    if (character.element !== element) {
      throw new GameError(
        ERROR_CODES.INVALID_PAYLOAD,
        `Character "${characterId}" takes ${character.element} items, got ${element}`,
      );
    }
  }

  /**
   * Names the first unmet precondition of a failed conditional update: the player, the
   * character (when one is named), the ceiling on what `changes` raise, then `otherwise`.
   */
  async #explain(
    playerId: string,
    characterId: string | undefined,
    changes: Increments,
    otherwise: () => Promise<never> | never,
  ): Promise<void> {
    const record = await this.#players
      .findById(playerId, { roster: 1, items: 1 })
      .lean<PlayerRecord>();
    if (!record) throw playerNotFound(playerId);
    if (characterId !== undefined && !hasCharacter(record.roster, characterId)) {
      throw notOwned(characterId, playerId);
    }

    const past = findPastCeiling(record, changes);
    if (past) throw pastCeiling(past);
    await otherwise();
  }
}

function rosterEntry(record: PlayerRecord | null, characterId: string) {
  if (!record || !hasCharacter(record.roster, characterId)) return undefined;
  return record.roster[characterId];
}

function notEnoughItems(playerId: string, key: string, needed: number): never {
  throw new GameError(
    ERROR_CODES.NOT_ENOUGH_ITEMS,
    `Player "${playerId}" has fewer than ${needed} items "${key}"`,
  );
}

function isItemElement(element: string): boolean {
  return (ITEM_ELEMENTS as readonly string[]).includes(element);
}

function sumOf(values: Partial<Record<string, number>>): number {
  return Object.values(values).reduce<number>((total, value) => total + (value ?? 0), 0);
}
