import { z } from 'zod';
import { ERROR_CODES, GameError, describeIssues } from '../../core/errors.ts';
import {
  PASSWORD_MAX,
  PASSWORD_MIN,
  USERNAME_PATTERN,
} from '../../core/balance/progression.ts';

export interface Credentials {
  username: string;
  password: string;
}

/** Register and login bodies. */
export const credentialsSchema = z.object({
  username: z
    .string()
    .regex(USERNAME_PATTERN, 'must be 3 to 20 letters, digits, "_" or "-"'),
  password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
});

/** Longest name a login looks up; registration allows at most 20 characters. */
const LOGIN_USERNAME_MAX = 64;

/**
 * Login bodies: any strings within bounds, so a name that breaks the registration rules is
 * answered like an unknown one, while arrays and numbers are refused before any lookup.
 */
export const loginSchema = z.object({
  username: z.string().max(LOGIN_USERNAME_MAX),
  password: z.string().max(PASSWORD_MAX),
});

/**
 * The stored, case-folded form of a username: the unique key that login looks up, and the key
 * the login throttle counts failures under, so the two always name the same account.
 */
export function usernameKeyOf(username: string): string {
  return username.toLowerCase();
}

/** Plugin ids are lowercase words joined by hyphens, so they are safe as update paths. */
export const characterIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(64);

const PROTO_KEY_MESSAGE = 'must not have the key "__proto__"';

/**
 * `record`, refusing a `__proto__` key as well: zod's records drop that key without an issue,
 * so a payload naming it would otherwise parse as if the key were absent.
 */
export function strictRecord<T extends z.ZodType<Record<string, unknown>>>(record: T) {
  return z.preprocess((value, ctx) => {
    if (typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')) {
      ctx.issues.push({ code: 'custom', message: PROTO_KEY_MESSAGE, input: value });
    }
    return value;
  }, record);
}

type Issues = ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;

/** Parses `value` with `schema` or throws INVALID_PAYLOAD naming `subject`. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, subject: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidPayload(subject, parsed.error.issues);
  return parsed.data;
}

/** INVALID_PAYLOAD naming `subject` and the first issues. */
export function invalidPayload(subject: string, issues: Issues): GameError {
  return new GameError(
    ERROR_CODES.INVALID_PAYLOAD,
    `${subject} is invalid: ${describeIssues(issues)}`,
  );
}

/** The one answer for an unknown name and a wrong password alike. */
export function invalidCredentials(): GameError {
  return new GameError(ERROR_CODES.INVALID_CREDENTIALS, 'Username or password is incorrect');
}

/** PLAYER_NOT_FOUND for the id or name given. */
export function playerNotFound(id: string): GameError {
  return new GameError(ERROR_CODES.PLAYER_NOT_FOUND, `Player "${id}" not found`);
}

/**
 * Whether `roster` holds `characterId` as its own key. Ids come from clients, and `in` would
 * also find inherited names such as "constructor".
 */
export function hasCharacter(roster: object | undefined, characterId: string): boolean {
  return roster !== undefined && Object.hasOwn(roster, characterId);
}

/** CHARACTER_NOT_OWNED for a character missing from a roster. */
export function notOwned(characterId: string, playerId: string): GameError {
  return new GameError(
    ERROR_CODES.CHARACTER_NOT_OWNED,
    `Character "${characterId}" is not in the roster of player "${playerId}"`,
  );
}
