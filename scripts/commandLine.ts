/**
 * Command-line handling shared by the scripts and benchmarks: node:util's parseArgs with its
 * errors turned into one readable line, checks for numeric options, and one way to refuse a
 * command line (the reason and the usage on stderr, exit code 2).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Exit code of a refused command line; 1 stays for failures while running. */
export const USAGE_EXIT_CODE = 2;

/** Typos within this distance get a "did you mean"; one only, for names this short. */
const SHORT_NAME_LENGTH = 8;

/** A command line the script cannot run; the message is one line naming the bad argument. */
export class UsageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UsageError';
  }
}

/**
 * Parses like `parseArgs(config)` (strict), but refuses a bad command line with a UsageError
 * worded for people instead of a multi-line ERR_PARSE_ARGS_* error.
 * @throws UsageError for an unknown option, a missing or dash-led value, or a stray argument.
 */
export function parseCommandLine<T extends ParseArgsConfig>(
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const message = describeParseError(error, config);
    if (message === undefined) throw error;
    throw new UsageError(message, { cause: error });
  }
}

/**
 * The whole number `text` gives for `flag`, from `min` to `max`.
 * @throws UsageError quoting `text` when it is not one.
 */
export function integerOption(
  flag: string,
  text: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const value = Number(text);
  if (/^[+-]?\d+$/.test(text.trim()) && value >= min && value <= max) return value;
  const expected = max === Number.MAX_SAFE_INTEGER
    ? `an integer of at least ${min}`
    : `an integer from ${min} to ${max}`;
  throw new UsageError(`${flag} must be ${expected}, got "${text}"`);
}

/**
 * Runs `parse`; when it throws a UsageError, prints its message and `usage` on stderr and exits
 * with USAGE_EXIT_CODE. Any other error passes through.
 */
export function withUsage<T>(usage: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${usage}\n`);
    process.exit(USAGE_EXIT_CODE);
  }
}

function describeParseError(error: unknown, config: ParseArgsConfig): string | undefined {
  const { code, message } = error as { code?: string; message?: string };
  const quoted = /'([^']*)'/.exec(message ?? '')?.[1] ?? '';
  const option = quoted.split(' ')[0] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option "${option}"${suggestion(option, config)}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Unexpected argument "${quoted}"`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (message?.includes('ambiguous')) return dashValue(option, config);
      if (message?.includes('missing')) return `Option "${option}" needs a value`;
      return `Option "${option}" takes no value`;
    default:
      return undefined;
  }
}

/** parseArgs will not take "-1" as the value of `--seed -1`; say how to write it. */
function dashValue(option: string, config: ParseArgsConfig): string {
  const args = config.args ?? process.argv.slice(2);
  const value = args[args.indexOf(option) + 1] ?? '';
  return `Option "${option}" needs a value, got "${value}", which reads as an option ` +
    `(write ${option}=${value} if you mean it)`;
}

function suggestion(option: string, config: ParseArgsConfig): string {
  const known = Object.keys(config.options ?? {}).map((name) => `--${name}`);
  const nearest = known
    .map((name) => ({ name, distance: editDistance(option, name) }))
    .sort((a, b) => a.distance - b.distance)[0];
  const allowed = option.length > SHORT_NAME_LENGTH ? 2 : 1;
  if (nearest === undefined || nearest.distance > allowed) return '';
  return `; did you mean "${nearest.name}"?`;
}

/** Edits between two names: single-character insertions, deletions, substitutions and swaps. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => rows[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      (rows[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}
