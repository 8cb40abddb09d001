import { z } from 'zod';
import { describeIssues } from './errors.ts';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** A secret that is optional, but guessable when short. */
function optionalSecret(minLength: number) {
  return optionalText.refine((value) => value === undefined || value.length >= minLength, {
    message: `must be at least ${minLength} characters when set`,
  });
}

/** What clients dial for this process's rooms: host (or [IPv6]), optional port and path. */
const PUBLIC_ADDRESS_PATTERN = /^(\[[0-9a-f:.]+\]|[^\s/:[\]]+)(:\d{1,5})?(\/\S*)?$/i;

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(2567),
  MONGODB_URI: optionalText,
  DATA_DIR: z.string().default('./data'),
  REDIS_URL: optionalText,
  PUBLIC_ADDRESS: optionalText.refine(
    (value) => value === undefined || PUBLIC_ADDRESS_PATTERN.test(value),
    { message: 'must be host[:port][/path] without a scheme, e.g. "game1.example.com:2567"' },
  ),
  TOKEN_SECRET: optionalSecret(32),
  TOKEN_TTL_S: z.coerce.number().int().positive().default(7 * 24 * 3600),
  PLUGINS_DIR: optionalText,
  ADMIN_TOKEN: optionalSecret(16),
  BATTLE_PACING_MS: z.coerce.number().int().min(0).max(10_000).default(400),
  VOTE_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  RECONNECT_WINDOW_S: z.coerce.number().int().min(0).default(30),
  WELCOME_TICKETS: z.coerce.number().int().min(0).default(20),
  AUTH_REGISTRATIONS_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
  METRICS_TOKEN: optionalSecret(16),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean)),
  COMMANDS_PER_S: z.coerce.number().int().min(1).default(50),
  COMMAND_FLOOD_PER_S: z.coerce.number().int().min(1).default(150),
});

export type Config = z.infer<typeof configSchema>;

/** Reads and validates the configuration; throws one error naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Configuration is invalid: ${describeIssues(parsed.error.issues)}`);
  }
  return parsed.data;
}
