import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Config } from './core/config.ts';
import type { Logger } from './core/logger.ts';

const SECRET_FILE = 'token-secret';

/**
 * The token signing secret: TOKEN_SECRET when set; otherwise (zero set-up) one generated once
 * and kept in the data directory, so tokens survive a restart. Production sets TOKEN_SECRET.
 */
export async function resolveTokenSecret(config: Config, logger: Logger): Promise<string> {
  if (config.TOKEN_SECRET) return config.TOKEN_SECRET;
  if (config.NODE_ENV === 'production') {
    throw new Error('Configuration is invalid: TOKEN_SECRET must be set in production');
  }
  const secret = randomBytes(32).toString('hex');
  if (config.DATA_DIR === ':memory:') return secret;

  const dir = resolve(config.DATA_DIR);
  const path = join(dir, SECRET_FILE);
  const stored = await readFile(path, 'utf8').catch(() => '');
  if (stored.trim().length >= 32) return stored.trim();
  await mkdir(dir, { recursive: true });
  await writeFile(path, secret, { mode: 0o600 });
  logger.info({ path }, 'token secret generated');
  return secret;
}
