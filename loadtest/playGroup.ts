import { randomBytes } from 'node:crypto';
import type { RunView } from '../src/client/RunPlayer.ts';
import { BotClient, StoppedError } from './BotClient.ts';
import { errorCode } from './errorCode.ts';
import type { LoadStats } from './LoadStats.ts';
import type { Pacing, Scenario } from './scenarios.ts';

/** What every group of one load test shares. */
export interface GroupContext {
  url: string;
  stats: LoadStats;
  signal: AbortSignal;
  scenario: Scenario;
  pacing: Pacing;
  /** Longest a bot thinks before a decision (uniformly 0 to this). */
  thinkMs: number;
  /** Deadline of any one wait for a state change or an answer. */
  waitMs: number;
  random: () => number;
}

interface PlayerAnswer {
  party: string[];
}

/** Longest a watched battle may take before the bots give up on it. */
const BATTLE_WAIT_MS = 180_000;
const PASSWORD = randomBytes(12).toString('hex');

/** New bots for the names of one group. */
export function makeBots(ctx: GroupContext, names: string[]): BotClient[] {
  return names.map((name) => new BotClient(name, ctx.url, ctx.stats, ctx.signal, ctx.waitMs));
}

/**
 * One run's worth of signed-up bots: the host creates a run and invites the others, members
 * join with a character and spectators watch; then the members play room after room, voting
 * alike, until the test stops. A failure ends the group's session and is counted.
 */
export async function playGroup(ctx: GroupContext, bots: BotClient[], groupIndex: number) {
  const spectators = Math.min(bots.length - 1, ctx.scenario.spectatorsIn(groupIndex));
  const members = bots.slice(0, bots.length - spectators);
  const watchers = bots.slice(bots.length - spectators);
  const pending = new Set<Promise<void>>();
  try {
    await seatGroup(ctx, members, watchers);
    while (!ctx.signal.aborted) {
      await playRun(ctx, members, pending);
      if (!ctx.signal.aborted) await reseat(ctx, members, watchers);
    }
  } catch (error) {
    if (!(error instanceof StoppedError) && !ctx.signal.aborted) {
      for (const bot of bots) ctx.stats.failedBots.add(bot.name);
      // What fails after a lost connection follows from it, and the loss is already counted.
      if (bots.some((bot) => bot.hasLostConnection)) return;
      ctx.stats.fail(errorCode(error));
      ctx.stats.noteFailure(error);
    }
  } finally {
    await Promise.allSettled(pending);
    await Promise.allSettled(bots.map((bot) => bot.leave()));
  }
}

/** Registers a bot and spends its welcome tickets; false (and counted) when that fails. */
export async function signUp(ctx: GroupContext, bot: BotClient): Promise<boolean> {
  try {
    await register(ctx, bot);
    ctx.stats.signedUp += 1;
    return true;
  } catch (error) {
    if (ctx.signal.aborted) return false;
    ctx.stats.failedBots.add(bot.name);
    ctx.stats.fail(errorCode(error));
    ctx.stats.noteFailure(error);
    return false;
  }
}

async function register(ctx: GroupContext, bot: BotClient): Promise<void> {
  await ctx.stats.http.time(bot.api.register(bot.name, PASSWORD));
  if (!ctx.scenario.pullsGacha) return;
  for (let pull = 0; pull < 2; pull += 1) {
    const key = randomBytes(8).toString('hex');
    await bot.rest('POST', '/api/gacha/pull', { bannerId: 'standard', count: 10 }, {
      idempotencyKey: key,
    });
  }
}

/** The host creates a run with two characters (all of them alone) and seats the others. */
async function seatGroup(ctx: GroupContext, members: BotClient[], watchers: BotClient[]) {
  const [host, ...friends] = members;
  if (!host) throw new Error('A group needs at least one member');
  const hostParty = (await host.rest<PlayerAnswer>('GET', '/api/me')).party;
  const party = friends.length > 0 ? hostParty.slice(0, 2) : hostParty.slice(0, 5);
  await host.enter((api) => api.createRun({ party }));
  const runId = host.state.runId;

  for (const friend of friends) {
    const friendParty = (await friend.rest<PlayerAnswer>('GET', '/api/me')).party.slice(0, 1);
    await host.command('invite', { username: friend.name });
    await friend.enter((api) => api.joinRun(runId, { role: 'member', party: friendParty }));
  }
  for (const watcher of watchers) {
    await host.command('invite', { username: watcher.name });
    await watcher.enter((api) => api.joinRun(runId, { role: 'spectator' }));
    ctx.stats.spectators += 1;
  }
  if (ctx.pacing === 'fast') await vote(ctx, members, 'setSpeed', { speed: 4 });
}

/** After a lost run, everyone leaves and the host starts a new one. */
async function reseat(ctx: GroupContext, members: BotClient[], watchers: BotClient[]) {
  await Promise.all([...members, ...watchers].map((bot) => bot.leave()));
  await seatGroup(ctx, members, watchers);
}

async function playRun(ctx: GroupContext, members: BotClient[], pending: Set<Promise<void>>) {
  const host = members[0];
  if (!host) return;
  while (!ctx.signal.aborted) {
    const phase = host.state.phase;
    if (phase === 'ended') return;
    if (phase === 'map' || phase === 'shop') await advance(ctx, members);
    else if (phase === 'battle') await fight(ctx, members, pending);
    else if (phase === 'reward') await claimReward(ctx, members);
    else await host.waitFor((s) => s.phase !== phase, `phase "${phase}" to change`);
  }
}

async function advance(ctx: GroupContext, members: BotClient[]): Promise<void> {
  const host = members[0] as BotClient;
  const { floor, roomIndex } = host.state;
  await vote(ctx, members, 'advance');
  await host.waitFor(
    (s) => s.phase === 'ended' || s.floor !== floor || s.roomIndex !== roomIndex,
    'the next room',
  );
  ctx.stats.roomsEntered += 1;
}

async function fight(ctx: GroupContext, members: BotClient[], pending: Set<Promise<void>>) {
  const host = members[0] as BotClient;
  for (const member of members.slice(1)) {
    const isDropping = member.canReconnect && ctx.random() < ctx.scenario.dropChance;
    if (isDropping) track(ctx, pending, member.dropAndReconnect());
  }
  if (ctx.pacing === 'skip') await vote(ctx, members, 'skipBattle');
  await host.waitFor((s) => s.phase !== 'battle', 'the battle to end', BATTLE_WAIT_MS);
  ctx.stats.battlesFinished += 1;
}

async function claimReward(ctx: GroupContext, members: BotClient[]): Promise<void> {
  const host = members[0] as BotClient;
  const { stage, options } = host.state.reward;
  const first = options.toArray()[0];
  if (stage === 'card') await vote(ctx, members, 'pickCard', { cardId: first });
  else if (stage === 'relic') await vote(ctx, members, 'pickRelic', { relicId: first });
  else await vote(ctx, members, 'collectLoot');
  const isClaimed = (s: RunView) => s.phase !== 'reward' || s.reward.stage !== stage;
  await host.waitFor(isClaimed, 'the reward');
}

/**
 * Members present cast the same ballot one after another until it is decided, as players who
 * agree would; a member who is reconnecting does not vote (the server counts only those present).
 */
async function vote(ctx: GroupContext, members: BotClient[], type: string, payload?: unknown) {
  await think(ctx);
  for (const member of members) {
    if (!member.isConnected) continue;
    if (await member.command(type, payload)) return;
  }
}

function think(ctx: GroupContext): Promise<void> {
  const ms = Math.floor(ctx.random() * ctx.thinkMs);
  if (ms === 0 || ctx.signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      ctx.signal.removeEventListener('abort', done);
      resolve();
    }
    ctx.signal.addEventListener('abort', done, { once: true });
  });
}

function track(ctx: GroupContext, pending: Set<Promise<void>>, work: Promise<void>): void {
  const tracked = work
    .catch((error: unknown) => {
      if (error instanceof StoppedError || ctx.signal.aborted) return;
      ctx.stats.fail(errorCode(error));
      ctx.stats.noteFailure(error);
    })
    .finally(() => pending.delete(tracked));
  pending.add(tracked);
}
