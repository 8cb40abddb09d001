import { ERROR_CODES, type ErrorCode } from '../core/errors.ts';

const C = ERROR_CODES;

/** HTTP status per error code; a code missing here answers 400. */
export const ERROR_STATUS: Partial<Record<ErrorCode, number>> = {
  [C.BAD_REQUEST]: 400,
  [C.INVALID_PAYLOAD]: 400,
  [C.UNKNOWN_COMMAND]: 400,
  [C.INVALID_PARTY]: 400,
  [C.UNAUTHORIZED]: 401,
  [C.TOKEN_EXPIRED]: 401,
  [C.INVALID_CREDENTIALS]: 401,
  [C.FORBIDDEN]: 403,
  [C.NOT_A_MEMBER]: 403,
  [C.SPECTATOR_READ_ONLY]: 403,
  [C.NOT_FOUND]: 404,
  [C.PLAYER_NOT_FOUND]: 404,
  [C.RUN_NOT_FOUND]: 404,
  [C.UNKNOWN_BANNER]: 404,
  [C.USERNAME_TAKEN]: 409,
  [C.CHARACTER_NOT_OWNED]: 409,
  [C.NOT_ENOUGH_TICKETS]: 409,
  [C.NOT_ENOUGH_GOLD]: 409,
  [C.NOT_ENOUGH_ITEMS]: 409,
  [C.NOT_ENOUGH_POINTS]: 409,
  [C.BALANCE_LIMIT]: 409,
  [C.IDEMPOTENCY_CONFLICT]: 409,
  [C.RUN_ENDED]: 409,
  [C.WRONG_PHASE]: 409,
  [C.CHOICE_PENDING]: 409,
  [C.NOT_OFFERED]: 409,
  [C.ROOM_FULL]: 409,
  [C.CONFLICT]: 409,
  [C.REQUEST_TIMEOUT]: 408,
  [C.PAYLOAD_TOO_LARGE]: 413,
  [C.HEADERS_TOO_LARGE]: 431,
  [C.RATE_LIMITED]: 429,
  [C.INTERNAL]: 500,
  [C.UNAVAILABLE]: 503,
};

/** The HTTP status an error code answers with. */
export function statusForCode(code: ErrorCode): number {
  return ERROR_STATUS[code] ?? 400;
}
