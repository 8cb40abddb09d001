/**
 * Operator CLI over the admin API. The server and this script read the same ADMIN_TOKEN.
 *
 *   npm run admin -- --url http://127.0.0.1:2567 grant --user NAME --tickets 10
 *   npm run admin -- --url URL grant --user NAME --items Fire-1=200,Ice-2=3 --gold 50
 *   npm run admin -- --url URL show --user NAME
 *
 * Prints the answer as JSON and exits 0; prints a one-line reason and exits 1 when the request
 * fails, 2 (with the usage, sending nothing) on a bad command line.
 */
import { integerOption, parseCommandLine, UsageError, withUsage } from './commandLine.ts';

const USAGE =
  'Usage: npm run admin -- --url URL grant --user NAME [--tickets N] [--gold N] ' +
  '[--items KEY=N,...] [--key K]\n' +
  '       npm run admin -- --url URL show --user NAME\n' +
  '       (ADMIN_TOKEN must be set, the same as the server\'s)';
const VERBS = ['grant', 'show'] as const;
const GRANT_OPTIONS = ['tickets', 'gold', 'items', 'key'] as const;
const REQUEST_TIMEOUT_MS = 15_000;

interface Grant {
  tickets?: number | undefined;
  gold?: number | undefined;
  items?: Record<string, number> | undefined;
  key?: string | undefined;
}

interface Command {
  url: string;
  adminToken: string;
  verb: (typeof VERBS)[number];
  user: string;
  grant: Grant;
}

function parseCommand(argv: string[], env: NodeJS.ProcessEnv): Command {
  const { values, positionals } = parseCommandLine({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      user: { type: 'string' },
      tickets: { type: 'string' },
      gold: { type: 'string' },
      items: { type: 'string' },
      key: { type: 'string' },
    },
  });
  const verb = VERBS.find((name) => name === positionals[0]);
  if (verb === undefined) {
    const got = positionals[0] === undefined ? 'nothing' : `"${positionals[0]}"`;
    throw new UsageError(`Expected the command grant or show, got ${got}`);
  }
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}"`);
  if (!values.url) throw new UsageError('--url is required');
  if (!/^https?:\/\/[^/\s]+/.test(values.url) || !URL.canParse(values.url)) {
    throw new UsageError(`--url must be an http:// or https:// address, got "${values.url}"`);
  }
  if (!values.user) throw new UsageError('--user is required');
  if (!env.ADMIN_TOKEN) throw new UsageError('ADMIN_TOKEN must be set (the same as the server\'s)');

  const grant: Grant = {
    tickets: values.tickets === undefined ? undefined : count('--tickets', values.tickets),
    gold: values.gold === undefined ? undefined : count('--gold', values.gold),
    items: values.items === undefined ? undefined : parseItems(values.items),
    key: values.key,
  };
  checkGrant(verb, grant);
  const url = values.url.replace(/\/+$/, '');
  return { url, adminToken: env.ADMIN_TOKEN, verb, user: values.user, grant };
}

/** A grant must give something; show takes none of the grant options. */
function checkGrant(verb: Command['verb'], grant: Grant): void {
  const given = GRANT_OPTIONS.filter((name) => grant[name] !== undefined);
  if (verb === 'show' && given.length > 0) {
    throw new UsageError(`show takes no --${given[0]}`);
  }
  const itemTotal = Object.values(grant.items ?? {}).reduce((sum, n) => sum + n, 0);
  if (verb === 'grant' && !grant.tickets && !grant.gold && itemTotal === 0) {
    throw new UsageError('grant needs something to grant: --tickets, --gold or --items above 0');
  }
}

function count(flag: string, text: string): number {
  return integerOption(flag, text, 0);
}

function parseItems(text: string): Record<string, number> {
  const items: Record<string, number> = {};
  for (const pair of text.split(',').filter(Boolean)) {
    const match = /^([^=]+)=(.*)$/.exec(pair);
    if (match === null) throw new UsageError(`--items must be KEY=N,..., got "${pair}"`);
    const [, key = '', amount = ''] = match;
    items[key] = count(`--items ${key}`, amount);
  }
  return items;
}

async function run(command: Command): Promise<unknown> {
  const headers = {
    authorization: `Bearer ${command.adminToken}`,
    'content-type': 'application/json',
  };
  const isGrant = command.verb === 'grant';
  const path = isGrant
    ? '/api/admin/grant'
    : `/api/admin/players/${encodeURIComponent(command.user)}`;
  const response = await fetch(`${command.url}${path}`, {
    method: isGrant ? 'POST' : 'GET',
    headers,
    body: isGrant ? JSON.stringify({ username: command.user, ...command.grant }) : undefined,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  }).catch((error: Error) => {
    const reason = (error.cause as Error | undefined)?.message ?? error.message;
    throw new Error(`Cannot reach ${command.url} (${reason}); is the server running?`);
  });

  const body = (await response.json().catch(() => ({}))) as {
    error?: { code: string; message: string };
  };
  if (response.ok) return body;
  // A server without ADMIN_TOKEN mounts no admin routes, so they answer the generic 404.
  if (response.status === 404 && (body.error === undefined || body.error.code === 'NOT_FOUND')) {
    throw new Error(`The admin API is off on ${command.url} (it has no ADMIN_TOKEN)`);
  }
  const reason = body.error ? `${body.error.code}: ${body.error.message}` : 'no error body';
  throw new Error(`Server answered ${response.status} (${reason})`);
}

const command = withUsage(USAGE, () => parseCommand(process.argv.slice(2), process.env));
try {
  console.log(JSON.stringify(await run(command), null, 2));
} catch (error) {
  console.error(`admin: ${(error as Error).message}`);
  process.exitCode = 1;
}
