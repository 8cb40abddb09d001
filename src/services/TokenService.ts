import { createHmac, timingSafeEqual } from 'node:crypto';
import { ERROR_CODES, GameError } from '../core/errors.ts';

const TOKEN_VERSION = 'v1';
const MIN_SECRET_LENGTH = 16;

export interface TokenServiceOptions {
  secret: string;
  ttlS: number;
  /** Milliseconds since the epoch; injectable so tests can age tokens. */
  now?: () => number;
}

export interface VerifiedToken {
  playerId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * Issues and verifies signed, expiring bearer tokens: `v1.<payload>.<signature>`, where the
 * payload is base64url JSON `{ sub, exp }` and the signature an HMAC-SHA256 over both.
 */
export class TokenService {
  #secret: string;
  #ttlMs: number;
  #now: () => number;

  constructor(options: TokenServiceOptions) {
    if (options.secret.length < MIN_SECRET_LENGTH) {
      throw new Error(`Token secret must have at least ${MIN_SECRET_LENGTH} characters`);
    }
    this.#secret = options.secret;
    this.#ttlMs = options.ttlS * 1000;
    this.#now = options.now ?? Date.now;
  }

  /** Issues a token for `playerId` that expires after the configured TTL. */
  issue(playerId: string): string {
    const claims = { sub: playerId, exp: this.#now() + this.#ttlMs };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${TOKEN_VERSION}.${payload}.${this.#sign(payload)}`;
  }

  /**
   * Checks a token's signature and expiry.
   * @throws GameError UNAUTHORIZED for a malformed or forged token, TOKEN_EXPIRED once expired.
   */
  verify(token: string): VerifiedToken {
    const [version, payload, signature, extra] = String(token).split('.');
    if (version !== TOKEN_VERSION || !payload || !signature || extra !== undefined) {
      throw unauthorized();
    }
    if (!this.#hasValidSignature(payload, signature)) throw unauthorized();

    const claims = parseClaims(payload);
    if (claims.exp <= this.#now()) {
      throw new GameError(ERROR_CODES.TOKEN_EXPIRED, 'Token has expired; log in again');
    }
    return { playerId: claims.sub, expiresAt: claims.exp };
  }

  #sign(payload: string): string {
    return createHmac('sha256', this.#secret)
      .update(`${TOKEN_VERSION}.${payload}`)
      .digest('base64url');
  }

  #hasValidSignature(payload: string, signature: string): boolean {
    const expected = Buffer.from(this.#sign(payload));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

function parseClaims(payload: string): { sub: string; exp: number } {
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (isClaims(claims)) return claims;
  } catch {
    // A payload that is not JSON is reported like any other bad token.
  }
  throw unauthorized();
}

function isClaims(value: unknown): value is { sub: string; exp: number } {
  if (typeof value !== 'object' || value === null) return false;
  const claims = value as Record<string, unknown>;
  return typeof claims.sub === 'string' && Number.isFinite(claims.exp);
}

function unauthorized(): GameError {
  return new GameError(ERROR_CODES.UNAUTHORIZED, 'Token is missing or invalid');
}
