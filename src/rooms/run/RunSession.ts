import { SHOP } from '../../core/balance/runs.ts';
import { GameError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { MAX_SEED } from '../../core/rng.ts';
import { randomInt } from 'node:crypto';
import type { RunRecord } from '../../services/run/RunRecord.ts';
import * as rules from '../../services/run/RunRules.ts';
import type { RunState } from '../../state/RunState.ts';
import { ballotFor, isDirectCommand, type Ballot } from './ballotFor.ts';
import { RUN_NOTICES, type CommandPayload, type RunCommand } from './messages.ts';
import { mirrorRun } from './mirrorRun.ts';
import { Membership } from './Membership.ts';
import { PartySpecs } from './PartySpecs.ts';
import { acknowledge, persistRun } from './persistRun.ts';
import { RunBattles } from './RunBattles.ts';
import type { RunPersistence } from './RunPersistence.ts';
import { RunRewards } from './RunRewards.ts';
import type { RunRoomDeps } from './RunRoomDeps.ts';
import { VoteBox } from './VoteBox.ts';

/** Who sent a command. */
export interface Actor {
  sessionId: string;
  playerId: string;
}

/** The parts of the room a session uses: state, clock and delivery. */
export interface RunHost {
  readonly state: RunState;
  readonly clock: {
    setTimeout(callback: () => void, ms: number): { clear(): void };
    setInterval(callback: () => void, ms: number): { clear(): void };
  };
  broadcast(type: string, payload: unknown): void;
  /** Sends pending state changes now rather than at the next patch interval. */
  broadcastPatch(): boolean;
  notify(sessionId: string, type: string, payload: unknown): void;
  disconnect(): Promise<unknown>;
}

interface NewRunOptions {
  party: string[];
  pressure: number;
  seed?: number | undefined;
}

/**
 * The run behind a room: applies the rules to the run record, turns members' commands into
 * votes, plays battles at the room's pacing, and saves after every decision.
 */
export class RunSession {
  readonly #host: RunHost;
  readonly #deps: RunRoomDeps;
  readonly #specs: PartySpecs;
  readonly #votes: VoteBox;
  readonly #rewards: RunRewards;
  readonly #battles: RunBattles;
  readonly membership: Membership;
  #log: Logger;
  #run: RunRecord | undefined;
  #newRun: NewRunOptions | undefined;
  #persistence: RunPersistence | undefined;
  #mintedId = '';

  constructor(host: RunHost, deps: RunRoomDeps) {
    this.#host = host;
    this.#deps = deps;
    this.#log = deps.logger;
    this.#specs = new PartySpecs(deps);
    this.membership = new Membership(host.state, deps, this.#specs);
    const notify = (playerId: string, grant: unknown) => this.#notifyPlayer(playerId, grant);
    this.#rewards = new RunRewards(deps.runs, this.membership, notify);
    this.#votes = new VoteBox(
      (callback, ms) => {
        const timer = host.clock.setTimeout(callback, ms);
        return () => timer.clear();
      },
      deps.config.VOTE_TIMEOUT_MS,
      (topic, choice) => this.#decide(topic, choice),
    );
    this.#battles = new RunBattles(host, deps, this.#specs, {
      rewards: this.#rewards,
      votes: this.#votes,
      log: () => this.#log,
      persistence: () => this.#persistence,
      changed: () => this.#changed(),
    });
  }

  mintRunId(): string {
    this.#mintedId = this.#deps.runs.newRunId();
    return this.#mintedId;
  }

  prepareNewRun(options: NewRunOptions): void {
    this.#newRun = options;
  }

  /**
   * Loads a saved run and every party owner's characters.
   * @throws RUN_NOT_FOUND, RUN_ENDED.
   */
  async resume(runId: string): Promise<void> {
    const run = await this.#deps.runs.findById(runId);
    if (!run) throw new GameError('RUN_NOT_FOUND', `Run "${runId}" not found`);
    if (run.status !== 'active') {
      throw new GameError('RUN_ENDED', `Run "${runId}" has ended (${run.result || run.status})`);
    }
    await this.membership.loadParty(run);
    this.#adopt(run);
  }

  /**
   * Admits a player: the creator of a new run, a returning or invited member, or a spectator.
   * @throws NOT_A_MEMBER, INVALID_PARTY, ROOM_FULL, CHARACTER_NOT_OWNED, INVALID_PAYLOAD.
   */
  async admit(sessionId: string, playerId: string, options: unknown): Promise<string> {
    const isCreator = !this.#run;
    if (isCreator) await this.#createRun(playerId);
    const run = this.#requireRun();
    const joinOptions = isCreator ? {} : options;
    const membersBefore = run.memberIds.length;
    const role = await this.membership.admit(run, sessionId, playerId, joinOptions);
    // Only a new member changes the saved run; a creator's run was just stored.
    if (run.memberIds.length === membersBefore) this.#mirror();
    else this.#changed();
    if (run.phase === 'battle' && !this.#battles.isPlaying) this.#battles.start(run);
    return role;
  }

  markConnected(sessionId: string, isConnected: boolean): void {
    this.membership.markConnected(sessionId, isConnected);
  }

  async depart(sessionId: string): Promise<void> {
    const run = this.#run;
    if (!run) return;
    if (this.membership.depart(run, sessionId)) this.#changed();
  }

  /**
   * Abandons the run for its host when the REST API is asked to while this room holds it; the
   * room's players are told at once, and it resolves once the run is saved.
   * @throws RUN_NOT_FOUND when the run is not active here or the player is not its host.
   */
  async abandonFor(playerId: string): Promise<void> {
    const run = this.#run;
    if (run?.status !== 'active' || run.hostId !== playerId) {
      throw new GameError('RUN_NOT_FOUND', `Active run "${run?.id ?? ''}" not found`);
    }
    this.#endRun('abandoned');
    await this.flush();
  }

  /**
   * Checks a member's command against the rules, then casts it as a ballot.
   * @throws SPECTATOR_READ_ONLY, RUN_ENDED, WRONG_PHASE, CHOICE_PENDING, NOT_OFFERED,
   * NOT_ENOUGH_GOLD, FORBIDDEN, PLAYER_NOT_FOUND.
   */
  async command<C extends RunCommand>(
    command: C,
    actor: Actor,
    payload: CommandPayload<C>,
  ): Promise<{ isDecided: boolean }> {
    const run = this.#requireRun();
    this.membership.requireActingMember(actor.sessionId, command);
    if (run.status !== 'active') {
      throw new GameError('RUN_ENDED', `Command "${command}" rejected: run "${run.id}" has ended`);
    }
    const ballot = await this.#ballotFor(run, command, actor, payload);
    if (!ballot) return acknowledge(this.#host, true, () => this.flush());

    const electorate = this.membership.electorate(run);
    const isFirstBallot = this.#votes.ballotCount(ballot.topic) === 0;
    const { topic, choice, fallback } = ballot;
    const isDecided = this.#votes.cast(topic, actor.playerId, choice, electorate, fallback);
    if (!isDecided) this.#showOpenVote(topic, electorate.presentVoterIds.length, isFirstBallot);
    return acknowledge(this.#host, isDecided, () => this.flush());
  }

  #showOpenVote(topic: string, voters: number, isFirstBallot: boolean): void {
    const vote = this.#host.state.vote;
    const ballots = this.#votes.ballotCount(topic);
    if (isFirstBallot || vote.topic !== topic) {
      vote.deadlineMs = Date.now() + this.#deps.config.VOTE_TIMEOUT_MS;
    }
    vote.topic = topic;
    vote.ballots = ballots;
    vote.needed = Math.floor(voters / 2) + 1;
    this.#host.broadcast(RUN_NOTICES.voteCast, { topic, votes: ballots });
  }

  /** Resolves once the run is saved as it stands. */
  async flush(): Promise<void> {
    await this.#persistence?.flush();
  }

  async close(): Promise<void> {
    this.#battles.stop();
    this.#votes.clear();
    this.#persistence?.close();
    await this.flush();
  }

  async #ballotFor(
    run: RunRecord,
    command: RunCommand,
    actor: Actor,
    payload: unknown,
  ): Promise<Ballot | undefined> {
    if (!isDirectCommand(command)) return ballotFor(run, command, payload);
    if (command === 'invite') {
      const fields = (payload ?? {}) as Record<string, unknown>;
      await this.membership.invite(run, actor.playerId, String(fields.username));
      this.#changed();
      return undefined;
    }
    this.membership.requireHost(run, actor.playerId, command);
    this.#endRun('abandoned');
    return undefined;
  }

  #decide(topic: string, choice: string): void {
    const run = this.#requireRun();
    if (this.#host.state.vote.topic === topic) this.#host.state.vote.topic = '';
    const phaseBefore = run.phase;
    try {
      this.#apply(run, topic, choice);
    } catch (error) {
      if (!(error instanceof GameError)) throw error;
      this.#host.broadcast(RUN_NOTICES.commandRejected, { command: topic, ...error.toJSON() });
    }
    if (run.phase !== phaseBefore) {
      this.#votes.clear();
      this.#host.state.vote.topic = '';
    }
    this.#changed();
  }

  #apply(run: RunRecord, topic: string, choice: string): void {
    const registry = this.#deps.registry;
    if (topic === 'advance') return this.#advance(run);
    if (topic === 'card') return rules.pickCard(run, choice, registry);
    if (topic === 'relic') return rules.pickRelic(run, choice, registry);
    if (topic === 'loot') return this.#battles.collectLoot(run);
    if (topic === 'buy') return rules.buy(run, choice);
    if (topic === 'reroll') return rules.reroll(run, registry);
    if (topic === 'speed') return this.#battles.setSpeed(Number(choice));
    if (topic === 'skip') return this.#battles.skipToEnd();
  }

  #advance(run: RunRecord): void {
    const entry = rules.enterNextRoom(run, this.#deps.registry, (slot) =>
      this.#specs.maxHp(slot, run, this.#deps.content),
    );
    if (entry.kind === 'rest') this.#host.broadcast(RUN_NOTICES.rested, entry);
    if (run.phase === 'battle') this.#battles.start(run);
  }

  #notifyPlayer(playerId: string, grant: unknown): void {
    for (const sessionId of this.membership.sessionsOf(playerId)) {
      this.#host.notify(sessionId, RUN_NOTICES.rewardGranted, grant);
    }
  }

  #endRun(result: string): void {
    const run = this.#requireRun();
    this.#battles.cancel();
    run.status = result === 'abandoned' ? 'abandoned' : 'ended';
    run.phase = 'ended';
    run.result = result;
    this.#votes.clear();
    this.#host.broadcast(RUN_NOTICES.runEnded, { result });
    this.#changed();
  }

  async #createRun(playerId: string): Promise<void> {
    const options = this.#newRun;
    if (!options) throw new Error('RunSession has neither a saved run nor new-run options');
    const party = await this.membership.buildParty(playerId, options.party);
    const run = await this.#deps.runs.create({
      id: this.#mintedId,
      hostId: playerId,
      seed: options.seed ?? randomInt(0, MAX_SEED),
      pressure: options.pressure,
      party,
      gold: SHOP.startingGold,
    });
    this.#newRun = undefined;
    this.#adopt(run);
  }

  #adopt(run: RunRecord): void {
    this.#run = run;
    this.#log = this.#deps.logger.child({ roomName: 'run', runId: run.id });
    this.#persistence = persistRun(run, this.#deps, this.#log, this.#host);
  }

  /** Mirrors the run into the room state and saves it. */
  #changed(): void {
    this.#mirror();
    this.#persistence?.requestSave();
  }

  #mirror(): void {
    const run = this.#requireRun();
    mirrorRun(this.#host.state, run, this.#specs, this.#deps.registry, this.#deps.content);
  }

  #requireRun(): RunRecord {
    if (!this.#run) throw new Error('RunSession used before its run was created or loaded');
    return this.#run;
  }
}
