import { z } from 'zod';
import {
  characterIdSchema,
  credentialsSchema,
  loginSchema,
} from '../services/player/validation.ts';
import {
  convertSchema,
  craftSchema,
  editorSchema,
  spendSchema,
} from '../services/player/PlayerUpgrades.ts';
import { pullSchema } from '../services/GachaService.ts';
import { grantBody } from './routes/adminRouter.ts';
import { historyQuery } from './routes/gachaRouter.ts';

/** The body of `PUT /api/me/party` (sizes are checked again by `PlayerService.setParty`). */
export const partyBody = z.object({ characterIds: z.array(characterIdSchema).min(1).max(5) });

interface Operation {
  method: 'get' | 'post' | 'put';
  path: string;
  summary: string;
  auth?: 'player' | 'admin';
  body?: z.ZodType;
  query?: z.ZodObject;
  /** Success status when not 200. */
  status?: number;
}

const OPERATIONS: Operation[] = [
  { method: 'get', path: '/healthz', summary: 'Liveness' },
  { method: 'get', path: '/readyz', summary: 'Readiness: 200 once accepting players, else 503' },
  {
    method: 'post',
    path: '/api/auth/register',
    summary: 'Create an account',
    body: credentialsSchema,
    status: 201,
  },
  { method: 'post', path: '/api/auth/login', summary: 'Get a token', body: loginSchema },
  { method: 'get', path: '/api/me', summary: 'The player', auth: 'player' },
  { method: 'get', path: '/api/me/roster', summary: 'Roster and party', auth: 'player' },
  {
    method: 'put',
    path: '/api/me/party',
    summary: 'Set the party',
    auth: 'player',
    body: partyBody,
  },
  {
    method: 'put',
    path: '/api/me/editor',
    summary: 'Set the avatar editor',
    auth: 'player',
    body: editorSchema,
  },
  {
    method: 'post',
    path: '/api/me/items/craft',
    summary: 'Combine 125 items into one of the next star',
    auth: 'player',
    body: craftSchema,
  },
  {
    method: 'post',
    path: '/api/me/upgrades/convert',
    summary: 'Turn items into upgrade points',
    auth: 'player',
    body: convertSchema,
  },
  {
    method: 'post',
    path: '/api/me/upgrades/spend',
    summary: 'Spend upgrade points on a stat',
    auth: 'player',
    body: spendSchema,
  },
  { method: 'get', path: '/api/catalog', summary: 'Every plugin by kind' },
  { method: 'get', path: '/api/gacha/banners', summary: 'Current banners' },
  { method: 'get', path: '/api/gacha/rates', summary: 'Published odds and pity curve' },
  {
    method: 'post',
    path: '/api/gacha/pull',
    summary: 'Pull 1, 5 or 10 (Idempotency-Key header honoured)',
    auth: 'player',
    body: pullSchema,
  },
  {
    method: 'get',
    path: '/api/gacha/history',
    summary: 'Own pulls, newest first',
    auth: 'player',
    query: historyQuery,
  },
  {
    method: 'post',
    path: '/api/admin/grant',
    summary: 'Grant tickets, gold or items (ADMIN_TOKEN)',
    auth: 'admin',
    body: grantBody,
  },
];

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) {
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = describe(operation);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Fray REST API', version: '1' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: ERROR_SCHEMA },
    },
    paths,
  };
}

const ERROR_SCHEMA = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' } },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
};

function describe(operation: Operation): Record<string, unknown> {
  const errorResponse = {
    description: 'Error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  return {
    summary: operation.summary,
    ...(operation.auth ? { security: [{ bearer: [] }] } : {}),
    ...(operation.body ? { requestBody: jsonBody(operation.body) } : {}),
    ...(operation.query ? { parameters: queryParameters(operation.query) } : {}),
    responses: {
      [String(operation.status ?? 200)]: { description: 'Success' },
      default: errorResponse,
    },
  };
}

function jsonBody(schema: z.ZodType): Record<string, unknown> {
  return { required: true, content: { 'application/json': { schema: toJsonSchema(schema) } } };
}

function queryParameters(schema: z.ZodObject): Array<Record<string, unknown>> {
  return Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: 'query',
    required: !(field as z.ZodType).safeParse(undefined).success,
    schema: toJsonSchema(field as z.ZodType),
  }));
}

function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
}
