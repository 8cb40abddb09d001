/**
 * Operator CLI over the admin API. The server and this script read the same ADMIN_TOKEN.
 *
 *   npm run admin -- --url http://127.0.0.1:2567 grant --user NAME --tickets 10
 *   npm run admin -- --url URL grant --user NAME --items Fire-1=200,Ice-2=3 --gold 50
 *   npm run admin -- --url URL show --user NAME
 *
 * Prints the answer as JSON and exits 0; prints a one-line reason and exits 1 on any failure.
 */
import { parseArgs } from 'node:util';

const USAGE =
  'Usage: npm run admin -- --url URL (grant --user NAME [--tickets N] [--gold N] ' +
  '[--items KEY=N,...] [--key K] | show --user NAME)';

interface Command {
  url: string;
  adminToken: string;
  verb: string;
  user: string;
  grant: { tickets?: number; gold?: number; items?: Record<string, number>; key?: string };
}

function parseCommand(argv: string[], env: NodeJS.ProcessEnv): Command {
  const { values, positionals } = parseArgs({
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
  const verb = positionals[0] ?? '';
  if (!values.url || !values.user || !['grant', 'show'].includes(verb)) throw new Error(USAGE);
  if (!env.ADMIN_TOKEN) throw new Error('ADMIN_TOKEN must be set (the same as the server\'s)');

  return {
    url: values.url.replace(/\/+$/, ''),
    adminToken: env.ADMIN_TOKEN,
    verb,
    user: values.user,
    grant: {
      tickets: optionalCount(values.tickets, '--tickets'),
      gold: optionalCount(values.gold, '--gold'),
      items: values.items === undefined ? undefined : parseItems(values.items),
      key: values.key,
    },
  };
}

function optionalCount(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${flag} must be a whole number ≥ 0, got "${text}"`);
  }
  return value;
}

function parseItems(text: string): Record<string, number> {
  const items: Record<string, number> = {};
  for (const pair of text.split(',').filter(Boolean)) {
    const [key, count] = pair.split('=');
    items[String(key)] = optionalCount(count, `--items ${key}`) ?? 0;
  }
  return items;
}

async function run(command: Command): Promise<unknown> {
  const headers = {
    authorization: `Bearer ${command.adminToken}`,
    'content-type': 'application/json',
  };
  const response = command.verb === 'grant'
    ? await fetch(`${command.url}/api/admin/grant`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ username: command.user, ...command.grant }),
    })
    : await fetch(`${command.url}/api/admin/players/${encodeURIComponent(command.user)}`, {
      headers,
    });

  const body = (await response.json().catch(() => ({}))) as {
    error?: { code: string; message: string };
  };
  if (!response.ok) {
    const reason = body.error ? `${body.error.code}: ${body.error.message}` : 'no error body';
    throw new Error(`Server answered ${response.status} (${reason})`);
  }
  return body;
}

try {
  const result = await run(parseCommand(process.argv.slice(2), process.env));
  console.log(JSON.stringify(result, null, 2));
} catch (error) {
  console.error(`admin: ${(error as Error).message}`);
  process.exitCode = 1;
}
