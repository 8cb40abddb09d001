import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Room } from '@colyseus/sdk';
import { FrayClient } from '../../src/client/FrayClient.ts';
import { RunPlayer } from '../../src/client/RunPlayer.ts';
import { startTestDatabase, type TestDatabase } from '../support/database.ts';
import { findFreePort } from '../support/freePort.ts';
import {
  NO_REDIS_REASON, isRedisAnswering, startTestRedis, type TestRedis,
} from '../support/redis.ts';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.ts';

const LOG_DEADLINE_MS = 10_000;
const EXIT_DEADLINE_MS = 20_000;

type LogEntry = Record<string, unknown>;

interface Cluster {
  /** The two live processes; `replace` swaps a dead one for a fresh one in place. */
  servers: ServerProcess[];
  /** A client registered through the first process, with a token both processes accept. */
  newPlayer(prefix: string): Promise<FrayClient>;
  /** The same player's client pointed at another process. */
  through(server: ServerProcess, player: FrayClient): FrayClient;
  replace(dead: ServerProcess): Promise<void>;
  stop(): Promise<void>;
}

/** Two server processes over one database and one Redis, each on its own public address. */
async function startCluster(): Promise<Cluster> {
  const database = await startTestDatabase('scaling');
  const redis = await startTestRedis();
  const folders: string[] = [];
  const servers: ServerProcess[] = [];
  const stop = () => stopCluster(servers, folders, database, redis);
  const shared = {
    MONGODB_URI: database.uri,
    REDIS_URL: redis.url,
    TOKEN_SECRET: randomBytes(24).toString('hex'),
  };
  const startOne = async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'fray-scaling-'));
    folders.push(dataDir);
    const port = String(await findFreePort());
    return startServerProcess({ ...shared, DATA_DIR: dataDir, PORT: port });
  };
  try {
    servers.push(await startOne(), await startOne());
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    servers,
    newPlayer: async (prefix) => {
      const client = new FrayClient(servers[0]!.url);
      const suffix = randomBytes(5).toString('hex');
      await client.register(`${prefix}_${suffix}`, `pw-${suffix}-${suffix}`);
      return client;
    },
    through: (server, player) => {
      const client = new FrayClient(server.url);
      client.useToken(player.token ?? '');
      return client;
    },
    replace: async (dead) => {
      servers.splice(servers.indexOf(dead), 1, await startOne());
    },
    stop,
  };
}

async function stopCluster(
  servers: ServerProcess[],
  folders: string[],
  database: TestDatabase,
  redis: TestRedis,
): Promise<void> {
  await Promise.all(servers.map((server) => server.kill('SIGKILL')));
  await redis.stop();
  await database.stop();
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
}

/** Resolves with the first of `servers` to print a matching log line, before or after now. */
function waitForLog(servers: ServerProcess[], matches: (entry: LogEntry) => boolean) {
  return new Promise<ServerProcess>((resolve, reject) => {
    const check = () => {
      const server = servers.find((candidate) => candidate.logs.some(matches));
      if (!server) return;
      finish();
      resolve(server);
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`No matching log line within ${LOG_DEADLINE_MS} ms`));
    }, LOG_DEADLINE_MS);
    const finish = () => {
      clearTimeout(timer);
      for (const server of servers) server.child.stdout!.off('data', check);
    };
    // Each server's own line reader listens first, so `logs` already holds this chunk's lines.
    for (const server of servers) server.child.stdout!.on('data', check);
    check();
  });
}

/** The process whose log says it created the room of `runId`, and the other one. */
async function ownerOf(cluster: Cluster, runId: string) {
  const [first, second] = cluster.servers as [ServerProcess, ServerProcess];
  const created = (entry: LogEntry) => entry.msg === 'room created' && entry.roomId === runId;
  const owner = await waitForLog(cluster.servers, created);
  return { owner, other: owner === first ? second : first };
}

function seatedCount(room: Room): number {
  return (room.state as { members?: Map<string, unknown> }).members?.size ?? 0;
}

/** A host playing a new run and a friend invited to it, not yet seated. */
async function hostAndInvitedFriend(cluster: Cluster) {
  const host = await cluster.newPlayer('host');
  const friend = await cluster.newPlayer('friend');
  const player = new RunPlayer(await host.createRun({ party: ['avatar'], seed: 5 }));
  await player.ready();
  const { username } = await friend.me();
  await player.command('invite', { username });
  return { host, friend, player, runId: player.state.runId };
}

const skip = (await isRedisAnswering()) ? false : NO_REDIS_REASON;

describe('Rooms shared by two processes through Redis', { skip }, () => {
  let cluster: Cluster;

  before(async () => {
    cluster = await startCluster();
  });

  after(async () => {
    await cluster?.stop();
  });

  it('seats a friend who matchmakes through the other process in the host\'s room', async () => {
    const { friend, player, runId } = await hostAndInvitedFriend(cluster);
    const { other } = await ownerOf(cluster, runId);

    const options = { role: 'member' as const, party: ['avatar'] };
    const room = await cluster.through(other, friend).joinRun(runId, options);

    await player.waitFor(() => seatedCount(player.room) === 2, 'the friend in the host\'s room');
    assert.equal(room.roomId, player.room.roomId);
    assert.equal(other.logs.some((entry) => entry.roomId === runId), false);
  });

  it('refuses a second room for a live run via the other process (CONFLICT)', async () => {
    const { host, player, runId } = await hostAndInvitedFriend(cluster);
    const { other } = await ownerOf(cluster, runId);

    const error = await cluster.through(other, host).sdk.create('run', { runId }).catch(
      (caught: Error) => caught,
    );

    assert.match(String((error as Error).message), /^CONFLICT/);
    assert.equal(seatedCount(player.room), 1);
  });

  it('keeps one room when both processes are asked to reopen a run at once', async () => {
    const { host, friend, player, runId } = await hostAndInvitedFriend(cluster);
    const { owner } = await ownerOf(cluster, runId);
    const friendRoom = await friend.joinRun(runId, { role: 'member', party: ['avatar'] });
    await player.waitFor(() => seatedCount(player.room) === 2, 'both members seated');
    await Promise.all([friendRoom.leave(), player.room.leave()]);
    await waitForLog([owner], (entry) => entry.msg === 'room disposed' && entry.roomId === runId);

    const [a, b] = cluster.servers;
    const rooms = await Promise.allSettled([
      cluster.through(a, host).sdk.create('run', { runId }),
      cluster.through(b, friend).sdk.create('run', { runId }),
    ]);

    const refusals = rooms.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    for (const refusal of refusals) assert.match(refusal, /CONFLICT/);
    const seated = rooms.flatMap((r) => (r.status === 'fulfilled' ? [new RunPlayer(r.value)] : []));
    assert.ok(seated.length > 0, 'neither reopening succeeded');
    for (const seat of seated) {
      await seat.waitFor(() => seatedCount(seat.room) === seated.length, 'every reopener seated');
    }
  });

  it('reopens a run through the surviving process after its own process dies', async () => {
    const { host, player, runId } = await hostAndInvitedFriend(cluster);
    const { owner, other } = await ownerOf(cluster, runId);
    player.room.reconnection.enabled = false;
    await owner.kill('SIGKILL');

    const resumed = new RunPlayer(await cluster.through(other, host).resumeRun(runId));

    assert.equal((await resumed.ready()).runId, runId);
    await cluster.replace(owner);
  });

  it('exits cleanly on SIGTERM and new runs then open on the process still serving', async () => {
    const [first, second] = cluster.servers as [ServerProcess, ServerProcess];

    const exit = await withDeadline(second.kill('SIGTERM'), EXIT_DEADLINE_MS);

    assert.equal(exit, 0);
    const late = await cluster.newPlayer('late');
    const player = new RunPlayer(await late.createRun({ party: ['avatar'] }));
    await player.ready();
    assert.equal((await ownerOf(cluster, player.state.runId)).owner, first);
  });
});

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Not done within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
