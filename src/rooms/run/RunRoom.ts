import { Room, ServerError, matchMaker, type Client, type MessageContext } from '@colyseus/core';
import { GameError, describeIssues, isGameError, type ErrorCode } from '../../core/errors.ts';
import { MEMBERS_MAX, SPECTATORS_MAX } from '../../core/balance/runs.ts';
import type { Logger } from '../../core/logger.ts';
import { RunState } from '../../state/RunState.ts';
import { CommandRateLimit } from './CommandRateLimit.ts';
import {
  COMMAND_PAYLOADS,
  CREATE_OPTIONS,
  RUN_COMMANDS,
  RUN_NOTICES,
  type RunCommand,
} from './messages.ts';
import type { RunRoomDeps } from './RunRoomDeps.ts';
import { RunSession, type Actor } from './RunSession.ts';

/** What `onAuth` attaches to every client: the player the token names. */
export interface PlayerAuth {
  playerId: string;
}

type RunClient = Client<{ auth: PlayerAuth }>;

/** Longest shutdown waits for a room's last save; a database that is down must not hang it. */
const SHUTDOWN_SAVE_WAIT_MS = 5_000;

/** Numeric close codes for refused joins, beside the string code in the message. */
const JOIN_REFUSAL_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHORIZED: 401,
  TOKEN_EXPIRED: 401,
  NOT_A_MEMBER: 403,
  FORBIDDEN: 403,
  RUN_NOT_FOUND: 404,
  PLAYER_NOT_FOUND: 404,
  INVALID_PAYLOAD: 400,
  INVALID_PARTY: 400,
};

/** Close code for a client dropped for flooding; the SDK treats it as final, not a drop. */
const FLOOD_CLOSE_CODE = 4002;

/**
 * One run: its floor map, party, rewards, shop and battles, played by up to four members and
 * watched by spectators. The room is the only writer of the run while it lives; it saves the run
 * after every decision, and a new room resumes a saved run.
 */
export class RunRoom extends Room<{ state: RunState; client: RunClient }> {
  state = new RunState();
  maxClients = MEMBERS_MAX + SPECTATORS_MAX;
  patchRate = 50;
  #session: RunSession | undefined;
  #log: Logger | undefined;
  #rateLimit: CommandRateLimit | undefined;
  readonly #createdAt = performance.now();

  /** Binds the room to the server's services; the result is what `defineRoom` registers. */
  static withDeps(deps: RunRoomDeps): typeof RunRoom {
    return class BoundRunRoom extends RunRoom {
      static async onAuth(token: string): Promise<PlayerAuth> {
        return authenticate(deps, token);
      }

      protected get deps(): RunRoomDeps {
        return deps;
      }
    };
  }

  /** Set by `withDeps`; a bare RunRoom has no services. */
  protected get deps(): RunRoomDeps {
    throw new Error('RunRoom needs services: register RunRoom.withDeps(deps), not RunRoom');
  }

  /** Validates the options and, for `{ runId }`, loads the saved run this room resumes. */
  async onCreate(options: unknown): Promise<void> {
    const parsed = CREATE_OPTIONS.safeParse(options ?? {});
    if (!parsed.success) throw refusal(invalidOptions(parsed.error.issues));

    this.#session = new RunSession(this, this.deps);
    this.#limitCommands();
    const choice = parsed.data;
    const runId = 'runId' in choice ? choice.runId : this.#session.mintRunId();
    await this.#claimRoomId(runId, !('runId' in choice));
    if ('runId' in choice) await this.#session.resume(runId).catch(rethrowAsRefusal);
    else this.#session.prepareNewRun(choice);

    this.#registerCommands();
    this.#log?.info({ isResume: 'runId' in choice }, 'room created');
  }

  async onJoin(client: RunClient, options: unknown, auth: PlayerAuth): Promise<void> {
    const role = await this.#requireSession()
      .admit(client.sessionId, auth.playerId, options)
      .catch(rethrowAsRefusal);
    this.#log?.debug({ sessionId: client.sessionId, playerId: auth.playerId, role }, 'joined');
  }

  async onDrop(client: RunClient): Promise<void> {
    this.#requireSession().markConnected(client.sessionId, false);
    // A seat left unclaimed is expected, not a failure: Colyseus then calls onLeave.
    await this.allowReconnection(client, this.deps.config.RECONNECT_WINDOW_S).catch(() => {});
  }

  onReconnect(client: RunClient): void {
    this.#rateLimit?.forget(client.sessionId);
    this.#requireSession().markConnected(client.sessionId, true);
  }

  async onLeave(client: RunClient): Promise<void> {
    this.#rateLimit?.forget(client.sessionId);
    await this.#requireSession().depart(client.sessionId);
  }

  async onBeforeShutdown(): Promise<void> {
    const session = this.#session;
    if (session && !(await finishesWithin(session.flush(), SHUTDOWN_SAVE_WAIT_MS))) {
      this.#log?.error({ waitedMs: SHUTDOWN_SAVE_WAIT_MS }, 'run save unfinished at shutdown');
    }
    await this.disconnect();
  }

  async onDispose(): Promise<void> {
    await this.#session?.close();
    const lifetimeMs = Math.round(performance.now() - this.#createdAt);
    this.#log?.info({ clients: this.clients.length, lifetimeMs }, 'room disposed');
  }

  onUncaughtException(error: Error, methodName: string): void {
    const log = this.#log ?? this.deps.logger;
    const refused = REFUSING_HOOKS.has(methodName) ? gameErrorBehind(error) : undefined;
    // A refused create or join (unknown run, bad options, full room) is expected, not a failure.
    if (refused) log.debug({ code: refused.code, methodName }, 'room hook refused');
    else log.error({ err: error, methodName }, 'room hook failed');
  }

  /**
   * The REST API's abandon of the run this room holds, called through the matchmaker, maybe
   * from another process: so plain data both ways, a refusal as its code and message.
   */
  async abandonFromApi(playerId: string): Promise<{ code?: string; message?: string }> {
    try {
      await this.#requireSession().abandonFor(playerId);
      return {};
    } catch (error) {
      if (!isGameError(error)) throw error;
      return { code: error.code, message: error.message };
    }
  }

  /** Sends a notice to one client; used by the session, which owns no transport. */
  notify(sessionId: string, type: string, payload: unknown): void {
    this.clients.getById(sessionId)?.send(type, payload);
  }

  #limitCommands(): void {
    const { COMMANDS_PER_S: softPerS, COMMAND_FLOOD_PER_S: hardPerS } = this.deps.config;
    this.#rateLimit = new CommandRateLimit({ softPerS, hardPerS });
    // Backstop for frames that never reach a handler (undecodable requests answer an error and
    // keep the connection): Colyseus drops a client past this many frames a second.
    this.maxMessagesPerSecond = hardPerS * 2;
  }

  /** Makes the run id this room's id; two rooms must never share a run. */
  async #claimRoomId(runId: string, isNewRun: boolean): Promise<void> {
    if ((await matchMaker.query({ roomId: runId })).length > 0) {
      const message = `Run "${runId}" already has a live room; join it with joinOrCreate`;
      throw refusal(new GameError('CONFLICT', message));
    }
    this.roomId = runId;
    // filterBy(['runId']) finds live rooms by metadata; a new run's options carry no runId.
    if (isNewRun) await this.setMetadata({ runId });
    this.#log = this.deps.logger.child({ roomName: 'run', roomId: runId });
  }

  #registerCommands(): void {
    for (const command of Object.values(RUN_COMMANDS)) {
      this.onMessage(command, (client: RunClient, payload: unknown, ctx: MessageContext) =>
        this.#dispatch(command, client, payload, ctx),
      );
    }
    this.onMessage('*', (client: RunClient, type: string | number) => {
      if (!this.#isWithinRate(client, String(type))) return;
      const error = new GameError('UNKNOWN_COMMAND', `Command "${type}" does not exist`);
      client.send(RUN_NOTICES.commandRejected, { command: String(type), ...error.toJSON() });
    });
  }

  async #dispatch(
    command: RunCommand,
    client: RunClient,
    payload: unknown,
    ctx: MessageContext,
  ): Promise<unknown> {
    if (!this.#isWithinRate(client, command, ctx)) return undefined;
    try {
      const parsed = COMMAND_PAYLOADS[command].safeParse(payload);
      if (!parsed.success) {
        throw new GameError(
          'INVALID_PAYLOAD',
          `Payload for "${command}" is invalid: ${describeIssues(parsed.error.issues)}`,
        );
      }
      const playerId = client.auth?.playerId ?? '';
      const actor: Actor = { sessionId: client.sessionId, playerId };
      return await this.#requireSession().command(command, actor, parsed.data);
    } catch (error) {
      if (!isGameError(error)) throw error;
      this.#log?.debug({ command, code: error.code, sessionId: client.sessionId }, 'rejected');
      if (ctx.id !== undefined) return ctx.reject(error.toJSON());
      client.send(RUN_NOTICES.commandRejected, { command, ...error.toJSON() });
      return undefined;
    }
  }

  /** Answers RATE_LIMITED past the soft command rate and drops a client past the hard one. */
  #isWithinRate(client: RunClient, command: string, ctx?: MessageContext): boolean {
    const verdict = this.#rateLimit?.check(client.sessionId) ?? 'allow';
    if (verdict === 'allow') return true;
    if (verdict === 'drop') {
      this.#log?.warn({ sessionId: client.sessionId }, 'client dropped for flooding');
      client.leave(FLOOD_CLOSE_CODE, 'RATE_LIMITED: too many commands per second');
    }
    if (verdict !== 'reject') return false;

    const perS = this.#rateLimit?.softPerS;
    const error = new GameError(
      'RATE_LIMITED',
      `Command "${command}" rejected: more than ${perS} commands per second`,
    );
    if (ctx?.id !== undefined) ctx.reject(error.toJSON());
    else client.send(RUN_NOTICES.commandRejected, { command, ...error.toJSON() });
    return false;
  }

  #requireSession(): RunSession {
    if (!this.#session) throw new Error('RunRoom used before onCreate finished');
    return this.#session;
  }
}

function authenticate(deps: RunRoomDeps, token: string): PlayerAuth {
  if (!token) throw refusal(new GameError('UNAUTHORIZED', 'A token is required to join a run'));
  try {
    return { playerId: deps.tokens.verify(token).playerId };
  } catch (error) {
    return rethrowAsRefusal(error);
  }
}

function invalidOptions(issues: Parameters<typeof describeIssues>[0]): GameError {
  return new GameError('INVALID_PAYLOAD', `Run options are invalid: ${describeIssues(issues)}`);
}

/** A refused join carries a numeric status for the SDK and the string code in its message. */
function refusal(error: GameError): ServerError {
  const status = JOIN_REFUSAL_STATUS[error.code] ?? 409;
  return new ServerError(status, `${error.code}: ${error.message}`, { cause: error });
}

/** Hooks whose GameErrors refuse a client's request; from any other hook one is a bug. */
const REFUSING_HOOKS = new Set(['onAuth', 'onCreate', 'onJoin']);

/** The GameError a hook threw, under the wrappers Colyseus and `refusal` put around it. */
function gameErrorBehind(error: unknown): GameError | undefined {
  for (let link = error, depth = 0; link && depth < 4; depth++) {
    if (isGameError(link)) return link;
    link = (link as { cause?: unknown }).cause;
  }
  return undefined;
}

function rethrowAsRefusal(error: unknown): never {
  throw isGameError(error) ? refusal(error) : error;
}

/** Resolves true when `work` settles within `ms`, false when the time runs out first. */
async function finishesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
