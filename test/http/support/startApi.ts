import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { logger } from '../../../src/core/logger.ts';
import { createApiApp, type ApiDeps } from '../../../src/http/createApiApp.ts';
import type { PlayerView } from '../../../src/services/PlayerService.ts';
import { TokenService } from '../../../src/services/TokenService.ts';
import {
  startAccountServices,
  uniqueName,
  type AccountServices,
  type AccountServicesOptions,
} from '../../services/support/accountServices.ts';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';
export const TEST_PASSWORD = 'correct-horse-battery';

export interface ApiHarness extends AccountServices {
  baseUrl: string;
  tokens: TokenService;
  request(method: string, path: string, options?: RequestOptions): Promise<ApiResponse>;
  /** Registers a fresh account and returns its token and player. */
  register(username?: string): Promise<{ token: string; player: PlayerView }>;
  stop(): Promise<void>;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any;
}

export interface ApiHarnessOptions extends AccountServicesOptions {
  tokenNow?: () => number;
  apiDeps?: Partial<ApiDeps>;
}

/** The REST API over real HTTP on 127.0.0.1 (ephemeral port) and a fresh test database. */
export async function startApi(options: ApiHarnessOptions = {}): Promise<ApiHarness> {
  const services = await startAccountServices(options);
  const tokens = new TokenService({
    secret: 'test-secret-0123456789abcdef',
    ttlS: 3600,
    now: options.tokenNow,
  });
  const app = createApiApp({
    config: { ADMIN_TOKEN: TEST_ADMIN_TOKEN },
    logger,
    tokens,
    players: services.players,
    gacha: services.gacha,
    registry: services.registry,
    isReady: () => true,
    ...options.apiDeps,
  });
  const server: Server = createServer(app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  const request = (method: string, path: string, opts: RequestOptions = {}) =>
    send(baseUrl, method, path, opts);
  return {
    ...services,
    baseUrl,
    tokens,
    request,
    register: async (username = uniqueName()) => {
      const body = { username, password: TEST_PASSWORD };
      const response = await request('POST', '/api/auth/register', { body });
      if (response.status !== 201) throw new Error(`register answered ${response.status}`);
      return response.body;
    },
    stop: async () => {
      server.closeAllConnections();
      server.close();
      await services.stop();
    },
  };
}

async function send(
  baseUrl: string,
  method: string,
  path: string,
  options: RequestOptions,
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';

  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}
