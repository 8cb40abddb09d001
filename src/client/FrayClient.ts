import { Client, type Room } from '@colyseus/sdk';

/** An error answer from the REST API, with its code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export interface RequestOptions {
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface Session {
  token: string;
  playerId: string;
  username: string;
}

/**
 * A client of Fray's public protocol: the REST API over HTTP and the rooms through the Colyseus
 * SDK over WebSockets. The demo, the bots and the end-to-end tests all play through it.
 */
export class FrayClient {
  readonly baseUrl: string;
  readonly sdk: Client;
  #token: string | undefined;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.sdk = new Client(this.baseUrl.replace(/^http/, 'ws'));
  }

  get token(): string | undefined {
    return this.#token;
  }

  /** Uses a token for every later request and room join. */
  useToken(token: string): void {
    this.#token = token;
    this.sdk.auth.token = token;
  }

  async register(username: string, password: string): Promise<Session> {
    const body = await this.request<RegisterAnswer>('POST', '/api/auth/register', {
      username,
      password,
    });
    this.useToken(body.token);
    return { token: body.token, playerId: body.player.id, username: body.player.username };
  }

  async login(username: string, password: string): Promise<Session> {
    const body = await this.request<{ token: string }>('POST', '/api/auth/login', {
      username,
      password,
    });
    this.useToken(body.token);
    const me = await this.me();
    return { token: body.token, playerId: me.id, username: me.username };
  }

  me(): Promise<PlayerAnswer> {
    return this.request<PlayerAnswer>('GET', '/api/me');
  }

  /** Sends one JSON request; a non-2xx answer throws an ApiError with the server's code. */
  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.#token) headers.authorization = `Bearer ${this.#token}`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;

    const url = `${this.baseUrl}${path}`;
    const response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal ?? AbortSignal.timeout(15_000),
    }).catch((error: Error) => {
      const reason = (error.cause as Error | undefined)?.message ?? error.message;
      throw new Error(`Cannot reach ${url} (${reason}); is the server running?`, { cause: error });
    });
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok) {
      const error = (parsed as { error?: { code?: string; message?: string } })?.error;
      const message = error?.message ?? `${method} ${path} answered ${response.status}`;
      throw new ApiError(response.status, error?.code ?? 'UNKNOWN', message);
    }
    return parsed as T;
  }

  /** Starts a new run with the given characters. */
  createRun(options: { party: string[]; pressure?: number; seed?: number }): Promise<Room> {
    return this.sdk.create('run', options);
  }

  /** Rejoins a saved run, recreating its room when it is gone. */
  resumeRun(runId: string): Promise<Room> {
    return this.sdk.joinOrCreate('run', { runId });
  }

  /** Joins a live run as an invited member (with characters) or as a spectator. */
  joinRun(
    runId: string,
    options: { role: 'member'; party?: string[] } | { role: 'spectator' },
  ): Promise<Room> {
    return this.sdk.joinById(runId, options);
  }
}

interface RegisterAnswer {
  token: string;
  player: PlayerAnswer;
}

export interface PlayerAnswer {
  id: string;
  username: string;
  tickets: number;
  roster: Array<{ characterId: string; level: number; exp: number }>;
  party: string[];
  items: Record<string, number>;
}
