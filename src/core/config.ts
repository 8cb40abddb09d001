import { z } from 'zod';

/** The levels pino knows; LOG_LEVEL must name one of them. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where the settings are listed with their defaults, for the hint of a refused start. */
const SETTINGS_FILE = '.env.example';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** Text with a default; empty or blank counts as unset. */
function text(defaultValue: string) {
  return optionalText.transform((value) => value ?? defaultValue);
}

/** A secret that is optional, but guessable when short. Its value never appears in a message. */
function optionalSecret(minLength: number) {
  return optionalText.refine((value) => value === undefined || value.length >= minLength, {
    message: `must be at least ${minLength} characters when set`,
  });
}

/** A whole number in decimal digits; empty or blank counts as unset, so the default applies. */
function integer(defaultValue: number, min: number, max?: number) {
  const expected = max === undefined
    ? `an integer of at least ${min}`
    : `an integer from ${min} to ${max}`;
  return optionalText.transform((value, context) => {
    if (value === undefined) return defaultValue;
    const number = Number(value);
    if (/^[+-]?\d+$/.test(value) && number >= min && number <= (max ?? Number.MAX_SAFE_INTEGER)) {
      return number;
    }
    context.addIssue({ code: 'custom', message: `must be ${expected}, got "${value}"` });
    return z.NEVER;
  });
}

/** One of a fixed list of words; empty or blank counts as unset. */
function oneOf<const T extends readonly string[]>(choices: T) {
  return optionalText.transform((value, context) => {
    if (value === undefined || choices.includes(value)) return value as T[number] | undefined;
    context.addIssue({
      code: 'custom',
      message: `must be one of ${choices.join(', ')}, got "${value}"`,
    });
    return z.NEVER;
  });
}

/**
 * A MongoDB connection string. The value is quoted back only when it holds no "@", since a
 * user name and password would come before one.
 */
const mongodbUri = optionalText.transform((value, context) => {
  if (value === undefined || /^mongodb(\+srv)?:\/\/\S+$/.test(value)) return value;
  const got = value.includes('@') ? '' : `, got "${value}"`;
  const message = `must start with mongodb:// or mongodb+srv://${got}`;
  context.addIssue({ code: 'custom', message });
  return z.NEVER;
});

/** What clients dial for this process's rooms: host (or [IPv6]), optional port and path. */
const PUBLIC_ADDRESS_PATTERN = /^(\[[0-9a-f:.]+\]|[^\s/:[\]]+)(:\d{1,5})?(\/\S*)?$/i;

const configSchema = z.object({
  NODE_ENV: oneOf(['development', 'production', 'test'] as const)
    .transform((value) => value ?? 'development'),
  LOG_LEVEL: oneOf(LOG_LEVELS),
  HOST: text('0.0.0.0'),
  PORT: integer(2567, 0, 65535),
  MONGODB_URI: mongodbUri,
  DATA_DIR: text('./data'),
  REDIS_URL: optionalText,
  PUBLIC_ADDRESS: optionalText.refine(
    (value) => value === undefined || PUBLIC_ADDRESS_PATTERN.test(value),
    { message: 'must be host[:port][/path] without a scheme, e.g. "game1.example.com:2567"' },
  ),
  TOKEN_SECRET: optionalSecret(32),
  TOKEN_TTL_S: integer(7 * 24 * 3600, 1),
  PLUGINS_DIR: optionalText,
  ADMIN_TOKEN: optionalSecret(16),
  BATTLE_PACING_MS: integer(400, 0, 10_000),
  VOTE_TIMEOUT_MS: integer(15_000, 100),
  // Past a day, Colyseus' reconnection timer would overflow and fire at once.
  RECONNECT_WINDOW_S: integer(30, 0, 86_400),
  WELCOME_TICKETS: integer(20, 0),
  AUTH_REGISTRATIONS_PER_ADDRESS: integer(100, 1),
  METRICS_TOKEN: optionalSecret(16),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean)),
  COMMANDS_PER_S: integer(50, 1),
  COMMAND_FLOOD_PER_S: integer(150, 1),
}).superRefine((config, context) => {
  // The flood limit disconnects; below the rate limit it would cut clients the limit only slows.
  if (config.COMMAND_FLOOD_PER_S < config.COMMANDS_PER_S) {
    context.addIssue({
      code: 'custom',
      path: ['COMMAND_FLOOD_PER_S'],
      message: `must be at least COMMANDS_PER_S (${config.COMMANDS_PER_S}), ` +
        `got ${config.COMMAND_FLOOD_PER_S}`,
    });
  }
  if (config.NODE_ENV === 'production' && config.TOKEN_SECRET === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['TOKEN_SECRET'],
      message: 'must be set when NODE_ENV is production',
    });
  }
});

export type Config = z.infer<typeof configSchema>;

/** One refused setting: its name and what is wrong, the value quoted unless it is a secret. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

/** The configuration cannot start the server; `hint` says what to change. */
export class ConfigError extends Error {
  readonly problems: ConfigProblem[];
  readonly hint: string;

  constructor(problems: ConfigProblem[]) {
    const described = problems.map((problem) => `${problem.variable} ${problem.message}`);
    super(`Configuration is invalid: ${described.join('; ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
    const names = [...new Set(problems.map((problem) => problem.variable))];
    this.hint = `Correct ${names.join(', ')}; ${SETTINGS_FILE} lists every setting and its default`;
  }
}

/**
 * Reads and validates the configuration. Empty values count as unset.
 * @throws ConfigError naming every bad variable.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => ({
      variable: issue.path.map(String).join('.'),
      message: issue.message,
    })));
  }
  return parsed.data;
}
