/**
 * Expected failures carry a stable UPPER_SNAKE code that clients can act on. Rooms send
 * `{ code, message }`; the HTTP error middleware maps each code to a status.
 */
export const ERROR_CODES = {
  BAD_REQUEST: 'BAD_REQUEST',
  INVALID_PAYLOAD: 'INVALID_PAYLOAD',
  UNKNOWN_COMMAND: 'UNKNOWN_COMMAND',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHORIZED: 'UNAUTHORIZED',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  FORBIDDEN: 'FORBIDDEN',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  USERNAME_TAKEN: 'USERNAME_TAKEN',
  RATE_LIMITED: 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  HEADERS_TOO_LARGE: 'HEADERS_TOO_LARGE',
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  PLAYER_NOT_FOUND: 'PLAYER_NOT_FOUND',
  CHARACTER_NOT_OWNED: 'CHARACTER_NOT_OWNED',
  INVALID_PARTY: 'INVALID_PARTY',
  UNKNOWN_BANNER: 'UNKNOWN_BANNER',
  NOT_ENOUGH_TICKETS: 'NOT_ENOUGH_TICKETS',
  NOT_ENOUGH_GOLD: 'NOT_ENOUGH_GOLD',
  NOT_ENOUGH_ITEMS: 'NOT_ENOUGH_ITEMS',
  NOT_ENOUGH_POINTS: 'NOT_ENOUGH_POINTS',
  BALANCE_LIMIT: 'BALANCE_LIMIT',
  IDEMPOTENCY_CONFLICT: 'IDEMPOTENCY_CONFLICT',
  RUN_NOT_FOUND: 'RUN_NOT_FOUND',
  RUN_ENDED: 'RUN_ENDED',
  NOT_A_MEMBER: 'NOT_A_MEMBER',
  SPECTATOR_READ_ONLY: 'SPECTATOR_READ_ONLY',
  WRONG_PHASE: 'WRONG_PHASE',
  CHOICE_PENDING: 'CHOICE_PENDING',
  NOT_OFFERED: 'NOT_OFFERED',
  ROOM_FULL: 'ROOM_FULL',
  CONFLICT: 'CONFLICT',
  INVALID_PLUGIN: 'INVALID_PLUGIN',
  UNAVAILABLE: 'UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

const KNOWN_CODES = new Set<string>(Object.values(ERROR_CODES));

/** Whether `value` is one of our codes, as a code that crossed a process boundary must be. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && KNOWN_CODES.has(value);
}

export interface GameErrorOptions {
  cause?: unknown;
  /** Extra machine-readable facts a client may use, such as `retryAfterS`. */
  details?: Record<string, unknown>;
}

/** An expected failure with a stable code; its message is safe to show to a client. */
export class GameError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: GameErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'GameError';
    this.code = code;
    this.details = options.details;
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

export function isGameError(value: unknown): value is GameError {
  return value instanceof GameError;
}

/** Renders zod-style issues as `path must ..., got ...` text for a payload error message. */
export function describeIssues(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
