import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Room } from '@colyseus/sdk';
import { CommandRejectedError, RunPlayer } from '../../../src/client/RunPlayer.ts';
import { startTestGame, type TestGame } from '../../support/gameServer.ts';

let game: TestGame;

before(async () => {
  game = await startTestGame({ VOTE_TIMEOUT_MS: 300 });
});

after(async () => {
  await game.stop();
});

interface Seat {
  player: RunPlayer;
  room: Room;
  playerId: string;
  username: string;
}

/** A host's run with `friends` invited co-op members seated, one character each. */
async function coopRun(friends: number): Promise<{ host: Seat; members: Seat[] }> {
  const host = await game.newPlayer('host');
  const hostRoom = await host.client.createRun({ party: ['avatar'], seed: 77 });
  const hostPlayer = new RunPlayer(hostRoom);
  await hostPlayer.ready();
  const members: Seat[] = [];
  for (let i = 0; i < friends; i++) {
    const friend = await game.newPlayer('friend');
    await hostPlayer.command('invite', { username: friend.session.username });
    const room = await friend.client.joinRun(hostPlayer.state.runId, {
      role: 'member',
      party: ['avatar'],
    });
    const player = new RunPlayer(room);
    await player.ready();
    members.push({ player, room, ...friend.session });
  }
  await hostPlayer.waitFor((s) => memberCount(s) === friends + 1, 'every member seated');
  return { host: { player: hostPlayer, room: hostRoom, ...host.session }, members };
}

function memberCount(state: unknown): number {
  return (state as { members: Map<string, unknown> }).members.size;
}

function memberOf(seat: Seat, playerId: string) {
  type Member = { playerId: string } & Record<string, unknown>;
  const members = seat.room.state.members as Map<string, Member>;
  return [...members.values()].find((member) => member.playerId === playerId);
}

async function rejectionCode(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (error instanceof CommandRejectedError) return error.code;
  return String((error as Error | undefined)?.message ?? 'no rejection');
}

/** Drops a seat's connection without consent, as a lost network would. */
function dropConnection(seat: Seat, { reconnect }: { reconnect: boolean }): void {
  seat.room.reconnection.enabled = reconnect;
  seat.room.reconnection.minUptime = 0;
  seat.room.connection.close(4010, 'network lost');
}

describe('RunRoom co-op', () => {
  it('adds an invited member and their characters to the party', async () => {
    const { host, members } = await coopRun(1);

    await host.player.waitFor((s) => {
      let count = 0;
      s.party.forEach(() => count++);
      return count === 2;
    }, 'two party members');

    assert.equal(memberOf(host, members[0]?.playerId ?? '')?.role, 'member');
  });

  it('refuses a player who was not invited (NOT_A_MEMBER)', async () => {
    const { host } = await coopRun(0);
    const stranger = await game.newPlayer('stranger');

    const error = await stranger.client
      .joinRun(host.player.state.runId, { role: 'member', party: ['avatar'] })
      .catch((caught: Error & { code?: number }) => caught);

    assert.equal((error as { code?: number }).code, 403);
    assert.match(String((error as Error).message), /^NOT_A_MEMBER/);
  });

  it('lets an invited spectator watch but not act (SPECTATOR_READ_ONLY)', async () => {
    const { host } = await coopRun(0);
    const fan = await game.newPlayer('fan');
    await host.player.command('invite', { username: fan.session.username });
    const room = await fan.client.joinRun(host.player.state.runId, { role: 'spectator' });
    const spectator = new RunPlayer(room);
    await spectator.ready();

    const code = await rejectionCode(spectator.command('advance'));

    assert.equal(code, 'SPECTATOR_READ_ONLY');
    assert.equal(spectator.state.roomIndex, 0);
  });

  it('refuses an invitation from a member who is not the host (FORBIDDEN)', async () => {
    const { members } = await coopRun(1);

    const code = await rejectionCode(members[0]!.player.command('invite', { username: 'anyone' }));

    assert.equal(code, 'FORBIDDEN');
  });

  it('waits for a majority of the members present', async () => {
    const { host } = await coopRun(2);

    const answer = await host.player.command('advance');

    assert.deepEqual(answer, { isDecided: false });
    assert.equal(host.player.state.roomIndex, 0);
  });

  it('decides at once when the only other member is absent', async () => {
    const { host, members } = await coopRun(1);
    dropConnection(members[0]!, { reconnect: false });
    await host.player.waitFor(
      () => memberOf(host, members[0]!.playerId)?.isConnected === false,
      'the friend to drop',
    );

    const answer = await host.player.command('advance');

    assert.deepEqual(answer, { isDecided: true });
    await host.player.waitFor((s) => s.roomIndex === 1, 'the next room');
  });

  it('lets the vote timer decide when the members present do not agree in time', async () => {
    const { host } = await coopRun(2);
    await host.player.command('advance');

    await host.player.waitFor((s) => s.roomIndex === 1, 'the timer to decide', 5_000);

    assert.equal(host.player.state.roomIndex, 1);
  });

  it('keeps the seat of a dropped member who reconnects in time', async () => {
    const { host, members } = await coopRun(1);
    const friend = members[0]!;
    const sessionBefore = friend.room.sessionId;
    const reconnected = new Promise<void>((resolve) => friend.room.onReconnect(() => resolve()));

    dropConnection(friend, { reconnect: true });
    await reconnected;

    assert.equal(friend.room.sessionId, sessionBefore);
    await host.player.waitFor(
      () => memberOf(host, friend.playerId)?.isConnected === true,
      'the friend to be back',
    );
  });

  it('passes the host role on when the host leaves', async () => {
    const { host, members } = await coopRun(1);
    const friend = members[0]!;

    await host.room.leave(true);

    await friend.player.waitFor(
      () => memberOf(friend, friend.playerId)?.isHost === true,
      'the friend to become host',
    );
  });
});
