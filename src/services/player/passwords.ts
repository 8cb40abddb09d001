import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_LENGTH = 32;
const SALT_BYTES = 16;
const COST = { N: 16384, r: 8, p: 1 } as const;
const PREFIX = 'scrypt';

/** A salted scrypt hash, `scrypt$N$r$p$salt$key`, computed off the event loop. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  const parts = [PREFIX, COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')];
  return parts.join('$');
}

/** True when `password` matches `stored`; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [prefix, n, r, p, salt, key] = stored.split('$');
  if (prefix !== PREFIX || !salt || !key) return false;

  const expected = Buffer.from(key, 'base64');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const actual = await derive(password, Buffer.from(salt, 'base64'), cost, expected.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Spends the same work as a real check, so a login for an unknown name takes as long as one
 * with a wrong password and timing does not reveal which accounts exist.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  await derive(password, DUMMY_SALT, COST);
}

const DUMMY_SALT = randomBytes(SALT_BYTES);

function derive(
  password: string,
  salt: Buffer,
  cost: ScryptOptions,
  length = KEY_LENGTH,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, length, cost, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}
