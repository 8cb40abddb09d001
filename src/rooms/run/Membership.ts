import { PARTY_MAX } from '../../core/balance/progression.ts';
import { MEMBERS_MAX } from '../../core/balance/runs.ts';
import { GameError, describeIssues } from '../../core/errors.ts';
import { userExpForBattle } from '../../services/player/levels.ts';
import type { PartySlot, RunRecord } from '../../services/run/RunRecord.ts';
import { RunMember, type RunState } from '../../state/RunState.ts';
import { JOIN_OPTIONS } from './messages.ts';
import { slotKey, type PartySpecs } from './PartySpecs.ts';
import type { RunPersistence } from './RunPersistence.ts';
import type { RunRoomDeps } from './RunRoomDeps.ts';
import type { Electorate } from './VoteBox.ts';

const NO_CARDS = { cards: [], relics: {} };

/**
 * Who is in the run and what they may do: members (host included) bring characters and vote,
 * spectators watch. Joining needs membership or the host's invitation.
 */
export class Membership {
  readonly #state: RunState;
  readonly #deps: RunRoomDeps;
  readonly #specs: PartySpecs;

  constructor(state: RunState, deps: RunRoomDeps, specs: PartySpecs) {
    this.#state = state;
    this.#deps = deps;
    this.#specs = specs;
  }

  /** Loads the characters of every party owner, present or not. */
  async loadParty(run: RunRecord): Promise<void> {
    const byOwner = new Map<string, string[]>();
    for (const slot of run.party) {
      byOwner.set(slot.ownerId, [...(byOwner.get(slot.ownerId) ?? []), slot.characterId]);
    }
    await Promise.all([...byOwner].map(([owner, ids]) => this.#specs.loadOwner(owner, ids)));
  }

  /**
   * Party slots at full hp for characters a player owns.
   * @throws CHARACTER_NOT_OWNED.
   */
  async buildParty(playerId: string, characterIds: readonly string[]): Promise<PartySlot[]> {
    await this.#specs.loadOwner(playerId, characterIds);
    return characterIds.map((characterId) => {
      const slot = { ownerId: playerId, characterId, hp: 0 };
      slot.hp = this.#specs.maxHp(slot, NO_CARDS, this.#deps.content);
      return slot;
    });
  }

  /**
   * Seats a player in the room state and, for a new member, adds their characters to the party.
   * @throws INVALID_PAYLOAD, NOT_A_MEMBER, ROOM_FULL, INVALID_PARTY, CHARACTER_NOT_OWNED.
   */
  async admit(run: RunRecord, sessionId: string, playerId: string, raw: unknown): Promise<string> {
    const options = parseJoinOptions(raw);
    const isMember = run.memberIds.includes(playerId);
    const isInvited = run.invitedIds.includes(playerId);
    if (!isMember && !isInvited) {
      throw new GameError(
        'NOT_A_MEMBER',
        `Player is neither a member of nor invited to run "${run.id}"`,
      );
    }
    if (options.role === 'member' && !isMember) await this.#addMember(run, playerId, options.party);

    const player = this.#specs.player(playerId) ?? (await this.#deps.players.findById(playerId));
    this.#state.members.set(sessionId, new RunMember({
      playerId,
      username: player.username,
      role: options.role,
      isHost: run.hostId === playerId,
    }));
    return options.role;
  }

  markConnected(sessionId: string, isConnected: boolean): void {
    const member = this.#state.members.get(sessionId);
    if (member) member.isConnected = isConnected;
  }

  /** Removes a seat; when the host leaves, the role passes on. Returns whether the run changed. */
  depart(run: RunRecord, sessionId: string): boolean {
    const leaving = this.#state.members.get(sessionId);
    this.#state.members.delete(sessionId);
    if (!leaving || leaving.playerId !== run.hostId) return false;
    if (this.sessionsOf(run.hostId).length > 0) return false;

    const heir = [...this.#state.members.values()].find((m) => m.role === 'member');
    if (!heir) return false;
    run.hostId = heir.playerId;
    for (const member of this.#state.members.values()) {
      member.isHost = member.playerId === heir.playerId;
    }
    return true;
  }

  /** @throws SPECTATOR_READ_ONLY for a spectator, NOT_A_MEMBER for an unknown session. */
  requireActingMember(sessionId: string, command: string): void {
    const member = this.#state.members.get(sessionId);
    if (!member) throw new GameError('NOT_A_MEMBER', `Command "${command}" rejected: not seated`);
    if (member.role === 'spectator') {
      throw new GameError(
        'SPECTATOR_READ_ONLY',
        `Command "${command}" rejected: spectators can only watch`,
      );
    }
  }

  /** @throws FORBIDDEN unless the player hosts the run. */
  requireHost(run: RunRecord, playerId: string, command: string): void {
    if (run.hostId !== playerId) {
      throw new GameError('FORBIDDEN', `Command "${command}" rejected: only the host may do that`);
    }
  }

  /**
   * Lets a player join as a member or spectator.
   * @throws FORBIDDEN, PLAYER_NOT_FOUND.
   */
  async invite(run: RunRecord, hostId: string, username: string): Promise<void> {
    this.requireHost(run, hostId, 'invite');
    const guest = await this.#deps.players.findByUsername(username);
    if (!run.invitedIds.includes(guest.id) && !run.memberIds.includes(guest.id)) {
      run.invitedIds.push(guest.id);
    }
  }

  /** Members present (one vote per player) and the host. */
  electorate(run: RunRecord): Electorate {
    const present = new Set<string>();
    for (const member of this.#state.members.values()) {
      if (member.role === 'member' && member.isConnected) present.add(member.playerId);
    }
    return { presentVoterIds: [...present], hostId: run.hostId };
  }

  sessionsOf(playerId: string): string[] {
    const sessions: string[] = [];
    this.#state.members.forEach((member, sessionId) => {
      if (member.playerId === playerId) sessions.push(sessionId);
    });
    return sessions;
  }

  /**
   * Grants a member's battle exp (their account earns its GAME.md §2 share), then reloads their
   * characters; a character who levelled up comes back at full hp.
   */
  async grantExp(
    run: RunRecord,
    playerId: string,
    characterExp: Record<string, number>,
    key: string,
    persistence: RunPersistence | undefined,
  ): Promise<void> {
    const player = this.#specs.player(playerId);
    const battleExp = Object.values(characterExp).reduce((sum, exp) => sum + exp, 0);
    const userExp = userExpForBattle(battleExp, player?.userLevel ?? 1);
    await persistence?.grant(playerId, { key, characterExp, userExp });

    const slots = run.party.filter((slot) => slot.ownerId === playerId);
    const levelOf = (slot: PartySlot) => this.#specs.spec(slot).level;
    const levelsBefore = new Map(slots.map((slot) => [slotKey(slot), levelOf(slot)]));
    await this.#specs.loadOwner(playerId, slots.map((slot) => slot.characterId));
    for (const slot of slots) {
      const hasLevelledUp = levelOf(slot) > (levelsBefore.get(slotKey(slot)) ?? 0);
      if (hasLevelledUp && slot.hp > 0) slot.hp = this.#specs.maxHp(slot, run, this.#deps.content);
    }
  }

  async #addMember(run: RunRecord, playerId: string, characterIds: string[] | undefined) {
    if (run.memberIds.length >= MEMBERS_MAX) {
      const seats = `${MEMBERS_MAX} of ${MEMBERS_MAX} members`;
      throw new GameError('ROOM_FULL', `Run "${run.id}" is full (${seats})`);
    }
    if (!characterIds || characterIds.length === 0) {
      throw new GameError('INVALID_PARTY', 'A new member must bring at least one character');
    }
    const size = run.party.length + characterIds.length;
    if (size > PARTY_MAX) {
      throw new GameError(
        'INVALID_PARTY',
        `Party would hold ${size} characters (at most ${PARTY_MAX})`,
      );
    }
    const slots = await this.buildParty(playerId, characterIds);
    run.party.push(...slots);
    run.memberIds.push(playerId);
    run.invitedIds = run.invitedIds.filter((id) => id !== playerId);
  }
}

function parseJoinOptions(raw: unknown) {
  const withoutRunId = { ...((raw ?? {}) as Record<string, unknown>) };
  delete withoutRunId.runId;
  const parsed = JOIN_OPTIONS.safeParse({ role: 'member', ...withoutRunId });
  if (!parsed.success) {
    throw new GameError(
      'INVALID_PAYLOAD',
      `Join options are invalid: ${describeIssues(parsed.error.issues)}`,
    );
  }
  return { role: parsed.data.role, party: 'party' in parsed.data ? parsed.data.party : undefined };
}
