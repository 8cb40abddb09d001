import type { Room } from '@colyseus/sdk';
import { FrayClient, type RequestOptions } from '../src/client/FrayClient.ts';
import { RunPlayer, type RunView } from '../src/client/RunPlayer.ts';
import type { LoadStats } from './LoadStats.ts';

/** Colyseus protocol: the first byte of a state patch frame, under the modifier mask. */
const ROOM_STATE_PATCH = 15;
const PROTOCOL_CODE_MASK = 0x1f;
/** Close code a client sends when it may come back (the server keeps the seat). */
const MAY_TRY_RECONNECT = 4010;
/** The SDK reconnects only rooms joined at least this long ago (its `minUptime`, plus margin). */
const RECONNECT_MIN_UPTIME_MS = 6_000;

/** Raised when the load test ends while a bot waits; not an error of the server. */
export class StoppedError extends Error {
  constructor() {
    super('The load test stopped');
    this.name = 'StoppedError';
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

  /** Whether the SDK would reconnect this bot automatically after a drop. */
  get canReconnect(): boolean {
    return this.#isConnected && performance.now() - this.#enteredAt >= RECONNECT_MIN_UPTIME_MS;
  }

  /** Drops the connection as a flaky network would and resolves once the SDK is back. */
  async dropAndReconnect(): Promise<void> {
    const room = this.#requirePlayer().room;
    const startedAt = performance.now();
    const back = new Promise<void>((resolve, reject) => {
      room.onLeave.once((code) => reject(new Error(`RECONNECT_REFUSED: room left with ${code}`)));
      const fail = () => reject(new Error('Timed out waiting to reconnect'));
      const timer = setTimeout(fail, this.#waitMs);
      timer.unref();
      room.onReconnect.once(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.#stats.drops += 1;
    room.connection.close(MAY_TRY_RECONNECT, 'load test drop');
    await this.#abortable(back);
    this.#stats.reconnect.record(performance.now() - startedAt);
  }

  /** Leaves the room (consented) if in one. */
  async leave(): Promise<void> {
    const room = this.player?.room;
    this.player = undefined;
    if (!room || !this.#isConnected) return;
    await Promise.race([room.leave(true), delay(2_000)]);
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
    this.#setConnected(true);
    room.onDrop(() => this.#setConnected(false));
    room.onReconnect(() => this.#setConnected(true));
    room.onLeave(() => this.#setConnected(false));
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

  /** Races a wait against the end of the test. */
  #abortable<T>(work: Promise<T>): Promise<T> {
    this.#throwIfStopped();
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(new StoppedError());
      this.#signal.addEventListener('abort', onAbort, { once: true });
      work.then(resolve, reject).finally(() => this.#signal.removeEventListener('abort', onAbort));
    });
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
