import type { Room } from '@colyseus/sdk';
import { FrayClient, type RequestOptions } from '../src/client/FrayClient.ts';
import { RunPlayer, type RunView } from '../src/client/RunPlayer.ts';
import { HARNESS_CODES } from './errorCode.ts';
import type { LoadStats } from './LoadStats.ts';

/** Colyseus protocol: the first byte of a state patch frame, under the modifier mask. */
const ROOM_STATE_PATCH = 15;
const PROTOCOL_CODE_MASK = 0x1f;
/** Close code a client sends when it may come back (the server keeps the seat). */
const MAY_TRY_RECONNECT = 4010;
/** The SDK reconnects only rooms joined at least this long ago (its `minUptime`, plus margin). */
const RECONNECT_MIN_UPTIME_MS = 6_000;
const LEAVE_WAIT_MS = 2_000;

/** Raised when the load test ends while a bot waits; not an error of the server. */
export class StoppedError extends Error {
  constructor() {
    super('The load test stopped');
    this.name = 'StoppedError';
  }
}

/**
 * Raised in a bot's waits once its room connection is lost; the loss itself is counted (under
 * CONNECTION_LOST, with the close code in its message) when it happens, not where it surfaces.
 */
export class ConnectionLostError extends Error {
  readonly closeCode: number;

  constructor(botName: string, roomId: string, closeCode: number, reason?: string) {
    const why = reason ? `: ${reason}` : '';
    super(
      `${HARNESS_CODES.connectionLost}: Bot "${botName}" lost its connection to room ` +
        `"${roomId}" (close code ${closeCode}${why})`,
    );
    this.name = 'ConnectionLostError';
    this.closeCode = closeCode;
  }
}

interface Transport {
  events: { onmessage?: (event: { data: ArrayBuffer }) => void };
}

/**
 * One bot's client: the project's FrayClient and RunPlayer, with every REST call, join and
 * command timed into the shared stats, and every frame the room sends counted.
 */
export class BotClient {
  readonly name: string;
  readonly api: FrayClient;
  readonly #stats: LoadStats;
  readonly #signal: AbortSignal;
  readonly #waitMs: number;
  player: RunPlayer | undefined;
  #isConnected = false;
  #enteredAt = 0;
  /** Set while a drop the scenario made is waiting for its reconnection. */
  #isDropping = false;
  /** The unexpected disconnection of the current room, until the SDK is back. */
  #lost: ConnectionLostError | undefined;
  /** Waits to reject when the current room is left for good without the bot asking. */
  readonly #lossWatchers = new Set<(error: ConnectionLostError) => void>();

  constructor(name: string, url: string, stats: LoadStats, signal: AbortSignal, waitMs: number) {
    this.name = name;
    this.api = new FrayClient(url);
    this.#stats = stats;
    this.#signal = signal;
    this.#waitMs = waitMs;
  }

  get state(): RunView {
    if (!this.player) throw new Error(`Bot "${this.name}" is in no room`);
    return this.player.state;
  }

  /** A REST call, timed. */
  rest<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}) {
    return this.#stats.http.time(this.api.request<T>(method, path, body, options));
  }

  /** Joins (or creates) a room, timed until its first full state has arrived. */
  async enter(join: (api: FrayClient) => Promise<Room>): Promise<RunPlayer> {
    this.#throwIfStopped();
    const startedAt = performance.now();
    const room = await join(this.api);
    this.#instrument(room);
    const player = new RunPlayer(room, { waitMs: this.#waitMs });
    this.player = player;
    await this.#abortable(player.ready());
    this.#enteredAt = performance.now();
    this.#stats.join.record(this.#enteredAt - startedAt);
    this.#stats.connectedBots.add(this.name);
    return player;
  }

  /** Sends a command as a request, timed; resolves with whether the vote was decided. */
  async command(type: string, payload?: unknown): Promise<boolean> {
    this.#throwIfStopped();
    const player = this.#requirePlayer();
    const answer = await this.#stats.request.time(player.command(type, payload));
    return Boolean((answer as { isDecided?: boolean } | undefined)?.isDecided);
  }

  /** Waits until the room state satisfies `predicate`, or the test stops. */
  waitFor(predicate: (state: RunView) => boolean, what: string, waitMs = this.#waitMs) {
    return this.#abortable(this.#requirePlayer().waitFor(predicate, what, waitMs));
  }

  get isConnected(): boolean {
    return this.#isConnected;
  }

  /** Whether the bot's current room lost its connection unexpectedly and is not back. */
  get hasLostConnection(): boolean {
    return this.#lost !== undefined;
  }

  /** Whether the SDK would reconnect this bot automatically after a drop. */
  get canReconnect(): boolean {
    return this.#isConnected && performance.now() - this.#enteredAt >= RECONNECT_MIN_UPTIME_MS;
  }

  /** Drops the connection as a flaky network would and resolves once the SDK is back. */
  async dropAndReconnect(): Promise<void> {
    const room = this.#requirePlayer().room;
    const startedAt = performance.now();
    let timer: NodeJS.Timeout | undefined;
    let onLeft = (_code: number) => {};
    let onBack = () => {};
    const back = new Promise<void>((resolve, reject) => {
      onLeft = (code) => reject(new Error(`RECONNECT_REFUSED: room left with ${code}`));
      onBack = resolve;
      timer = setTimeout(() => reject(new Error('Timed out waiting to reconnect')), this.#waitMs);
      room.onLeave(onLeft);
      room.onReconnect(onBack);
    });
    this.#stats.drops += 1;
    this.#isDropping = true;
    room.connection.close(MAY_TRY_RECONNECT, 'load test drop');
    try {
      await this.#abortable(back);
    } finally {
      // Whatever the outcome, a later loss of this room must count again.
      clearTimeout(timer);
      this.#isDropping = false;
      room.onLeave.remove(onLeft);
      room.onReconnect.remove(onBack);
    }
    this.#stats.reconnect.record(performance.now() - startedAt);
  }

  /**
   * Leaves the room (consented) if in one. The room is let go first, so that its closing is
   * not taken for a lost connection.
   */
  async leave(): Promise<void> {
    const room = this.player?.room;
    this.player = undefined;
    if (!room) return;
    // A room between a drop and its reconnection would otherwise go on retrying after the test.
    room.reconnection.enabled = false;
    if (!this.#isConnected) return;
    await Promise.race([room.leave(true), delay(LEAVE_WAIT_MS)]);
  }

  #instrument(room: Room): void {
    const transport = room.connection as unknown as Transport;
    const deliver = transport.events.onmessage;
    transport.events.onmessage = (event) => {
      const bytes = new Uint8Array(event.data);
      this.#stats.bytesReceived += bytes.byteLength;
      if (((bytes[0] ?? 0) & PROTOCOL_CODE_MASK) === ROOM_STATE_PATCH) this.#stats.patches += 1;
      deliver?.(event);
    };
    this.#isDropping = false;
    this.#lost = undefined;
    this.#setConnected(true);
    room.onDrop((code, reason) => this.#onDrop(room, code, reason));
    room.onReconnect(() => this.#onReconnect());
    room.onLeave((code, reason) => this.#onLeave(room, code, reason));
  }

  #onDrop(room: Room, code: number, reason?: string): void {
    this.#setConnected(false);
    // The SDK reports a drop again after each failed attempt to reconnect.
    if (!this.#isDropping && !this.#lost) this.#loseConnection(room, code, reason);
  }

  #onReconnect(): void {
    this.#isDropping = false;
    this.#lost = undefined;
    this.#setConnected(true);
  }

  /** Counts the end of a room nobody let go of; a drop the scenario made reports its own. */
  #onLeave(room: Room, code: number, reason?: string): void {
    this.#setConnected(false);
    if (this.#isDropping || this.player?.room !== room) return;
    const lost = this.#lost ?? this.#loseConnection(room, code, reason);
    for (const watcher of this.#lossWatchers) watcher(lost);
  }

  /**
   * Counts an unexpected disconnection of the current room once, until the SDK is back. Rooms
   * the bot has let go of, and anything after the end of the test, are not counted.
   */
  #loseConnection(room: Room, code: number, reason?: string): ConnectionLostError {
    const lost = new ConnectionLostError(this.name, room.roomId, code, reason);
    if (this.player?.room !== room || this.#signal.aborted) return lost;
    this.#lost = lost;
    this.#stats.fail(HARNESS_CODES.connectionLost, this.name);
    this.#stats.noteFailure(lost);
    return lost;
  }

  #setConnected(isConnected: boolean): void {
    if (isConnected === this.#isConnected) return;
    this.#isConnected = isConnected;
    if (isConnected) this.#stats.clientOpened();
    else this.#stats.clientClosed();
  }

  #requirePlayer(): RunPlayer {
    if (!this.player) throw new Error(`Bot "${this.name}" is in no room`);
    return this.player;
  }

  #throwIfStopped(): void {
    if (this.#signal.aborted) throw new StoppedError();
  }

  /** Races a wait against the end of the test and the loss of the room. */
  #abortable<T>(work: Promise<T>): Promise<T> {
    this.#throwIfStopped();
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(new StoppedError());
      this.#signal.addEventListener('abort', onAbort, { once: true });
      this.#lossWatchers.add(reject);
      work.then(resolve, reject).finally(() => {
        this.#signal.removeEventListener('abort', onAbort);
        this.#lossWatchers.delete(reject);
      });
    });
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
