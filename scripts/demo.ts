/**
 * A real client of a running server: registers (or logs in), pulls gacha with its tickets,
 * starts (or resumes) a run and plays up to N rooms at the fastest pacing (fewer when the party
 * falls), then prints a summary. Exits 1 when the server fails it, 2 on a bad command line.
 *
 *   npm run demo -- [--url http://127.0.0.1:2567] [--user U --password P] [--rooms N]
 *                   [--resume RUN_ID] [--json]
 */
import { randomBytes } from 'node:crypto';
import { ApiError, FrayClient } from '../src/client/FrayClient.ts';
import { RunPlayer, type RunView } from '../src/client/RunPlayer.ts';
import { integerOption, parseCommandLine, UsageError, withUsage } from './commandLine.ts';

interface PullAnswer {
  results: Array<{ kind: string; characterId?: string; stars?: number }>;
  tickets: number;
}

const DEFAULT_URL = 'http://127.0.0.1:2567';
const USAGE = `Usage: npm run demo -- [--url URL (default ${DEFAULT_URL})] ` +
  '[--user U --password P] [--rooms N] [--resume RUN_ID] [--json]';

const { values, rooms } = withUsage(USAGE, () => parseOptions(process.argv.slice(2)));

function parseOptions(args: string[]) {
  const { values } = parseCommandLine({
    args,
    options: {
      url: { type: 'string', default: DEFAULT_URL },
      user: { type: 'string' },
      password: { type: 'string' },
      rooms: { type: 'string', default: '3' },
      resume: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!/^https?:\/\/[^/\s]+/.test(values.url) || !URL.canParse(values.url)) {
    throw new UsageError(`--url must be an http:// or https:// address, got "${values.url}"`);
  }
  return { values, rooms: integerOption('--rooms', values.rooms, 1) };
}

async function main(): Promise<void> {
  const client = new FrayClient(values.url);
  const username = values.user ?? `demo_${randomBytes(4).toString('hex')}`;
  const password = values.password ?? randomBytes(12).toString('hex');
  await signIn(client, username, password);
  const pulls = await pullAll(client);

  const me = await client.me();
  const room = values.resume
    ? await client.resumeRun(values.resume)
    : await client.createRun({ party: me.party });
  const player = new RunPlayer(room);
  await player.ready();
  const played: string[] = [];
  while (played.length < rooms && player.state.phase !== 'ended') {
    played.push(await player.playRoom({ skipBattles: true }));
  }
  // A generated account is shown with its password, so the run can be resumed.
  const shownPassword = values.password ? undefined : password;
  const summary = { ...summarise(player.state, username, pulls, played), password: shownPassword };
  await room.leave(true);
  print(summary);
}

async function signIn(client: FrayClient, username: string, password: string): Promise<void> {
  if (!values.user) {
    await client.register(username, password);
    return;
  }
  try {
    await client.login(username, password);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'INVALID_CREDENTIALS') throw error;
    // Unknown user: register it. A taken name here means the password was wrong.
    await client.register(username, password).catch((registerError: unknown) => {
      const isTaken = registerError instanceof ApiError && registerError.code === 'USERNAME_TAKEN';
      throw isTaken ? new Error(`Wrong password for user "${username}"`) : registerError;
    });
  }
}

/** Spends every ticket on the standard banner: ten-pulls first, then singles. */
async function pullAll(client: FrayClient): Promise<string[]> {
  const obtained: string[] = [];
  let tickets = (await client.me()).tickets;
  while (tickets > 0) {
    const count = tickets >= 10 ? 10 : 1;
    const answer = await client.request<PullAnswer>(
      'POST',
      '/api/gacha/pull',
      { bannerId: 'standard', count },
      { idempotencyKey: randomBytes(8).toString('hex') },
    );
    for (const result of answer.results) {
      if (result.characterId) obtained.push(result.characterId);
    }
    tickets = answer.tickets;
  }
  return obtained;
}

function summarise(state: RunView, username: string, pulls: string[], played: string[]) {
  const partyHp: Record<string, string> = {};
  state.party.forEach((member, key) => {
    partyHp[key.split('/')[1] ?? key] = `${member.hp}/${member.maxHp}`;
  });
  return {
    username,
    runId: state.runId,
    floor: state.floor,
    roomIndex: state.roomIndex,
    roomsCleared: state.roomsCleared,
    roomsPlayed: played,
    partyHp,
    cards: state.cards.toArray(),
    gold: state.gold,
    result: state.result || (state.phase === 'ended' ? 'ended' : 'in progress'),
    charactersPulled: pulls,
  };
}

function print(summary: ReturnType<typeof summarise> & { password: string | undefined }): void {
  if (values.json) {
    console.log(JSON.stringify(summary));
    return;
  }
  console.log(`Player ${summary.username}: run ${summary.runId}`);
  console.log(`  played ${summary.roomsPlayed.length} rooms: ${summary.roomsPlayed.join(', ')}`);
  const where = `floor ${summary.floor}, room ${summary.roomIndex}`;
  console.log(`  ${where}, ${summary.roomsCleared} rooms cleared`);
  console.log(`  party hp: ${JSON.stringify(summary.partyHp)}`);
  console.log(`  cards: ${summary.cards.join(', ') || 'none'}; gold: ${summary.gold}`);
  console.log(`  gacha characters: ${summary.charactersPulled.join(', ') || 'none'}`);
  console.log(`  result: ${summary.result}`);
  if (summary.result === 'in progress') {
    const url = values.url === DEFAULT_URL ? '' : ` --url ${values.url}`;
    const login = `--user ${summary.username} --password ${summary.password ?? '<yours>'}`;
    console.log(`  resume with: npm run demo --${url} --resume ${summary.runId} ${login}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`demo failed: ${message}`);
    process.exit(1);
  },
);
