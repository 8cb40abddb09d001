import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERROR_CODES } from '../../src/core/errors.ts';
import { TokenService } from '../../src/services/TokenService.ts';

const SECRET = 'unit-test-secret-0123456789';

function makeTokens(clock = { nowMs: 1_000_000 }, secret = SECRET): TokenService {
  return new TokenService({ secret, ttlS: 60, now: () => clock.nowMs });
}

describe('TokenService', () => {
  it('verifies a token it issued and names its player and expiry', () => {
    const tokens = makeTokens();

    const verified = tokens.verify(tokens.issue('p_1'));

    assert.deepEqual(verified, { playerId: 'p_1', expiresAt: 1_000_000 + 60_000 });
  });

  it('refuses a token once its ttl has passed', () => {
    const clock = { nowMs: 1_000_000 };
    const tokens = makeTokens(clock);
    const token = tokens.issue('p_1');

    clock.nowMs += 60_000;

    assert.throws(() => tokens.verify(token), { code: ERROR_CODES.TOKEN_EXPIRED });
  });

  it('refuses a token signed with another secret', () => {
    const forged = makeTokens(undefined, 'another-secret-0123456789').issue('p_1');

    assert.throws(() => makeTokens().verify(forged), { code: ERROR_CODES.UNAUTHORIZED });
  });

  it('refuses a token whose payload was changed', () => {
    const tokens = makeTokens();
    const [version, , signature] = tokens.issue('p_1').split('.');
    const payload = Buffer.from(JSON.stringify({ sub: 'p_2', exp: 9e15 })).toString('base64url');

    const tampered = `${version}.${payload}.${signature}`;

    assert.throws(() => tokens.verify(tampered), { code: ERROR_CODES.UNAUTHORIZED });
  });

  it('refuses malformed tokens', () => {
    const tokens = makeTokens();

    for (const token of ['', 'abc', 'v1.a', 'v1.a.b.c', 'v2.e30.sig']) {
      assert.throws(() => tokens.verify(token), { code: ERROR_CODES.UNAUTHORIZED }, token);
    }
  });

  it('refuses a secret shorter than 16 characters', () => {
    assert.throws(() => new TokenService({ secret: 'short', ttlS: 60 }), /at least 16/);
  });
});
