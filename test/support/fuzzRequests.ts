import fc from 'fast-check';

export interface FuzzRequest {
  method: string;
  path: string;
  /** A JSON value to send, or raw text sent as if it were JSON. */
  body: { json: unknown } | { raw: string } | undefined;
  auth: 'token' | 'none' | 'garbage';
  idempotencyKey: string | undefined;
}

export interface FuzzAnswer {
  code: number;
  /** Whether a 4xx or 5xx answer came as `{ error: { code, message } }`. */
  hasErrorShape: boolean;
}

const ROUTES: ReadonlyArray<readonly [string, string]> = [
  ['POST', '/api/auth/register'],
  ['POST', '/api/auth/login'],
  ['GET', '/api/me'],
  ['PUT', '/api/me/party'],
  ['PUT', '/api/me/editor'],
  ['POST', '/api/me/items/craft'],
  ['POST', '/api/me/upgrades/convert'],
  ['POST', '/api/me/upgrades/spend'],
  ['POST', '/api/gacha/pull'],
  ['GET', '/api/gacha/history?limit=%s&before=%s'],
  ['GET', '/api/runs/%s'],
  ['POST', '/api/runs/%s/abandon'],
  ['GET', '/api/battles/%s'],
  ['POST', '/api/battles/%s/replay'],
  ['POST', '/api/admin/grant'],
  ['DELETE', '/api/me'],
];

const segment = fc.oneof(
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.constantFrom('..%2F..%2Fetc', '%00', 'r_0', '-1', '9'.repeat(40), '%E0%A4%A'),
);

const jsonBodies = fc.oneof(
  fc.anything({ maxDepth: 4, maxKeys: 8, withBigInt: false, withMap: false, withSet: false }),
  fc.record({
    username: fc.string({ maxLength: 40 }),
    password: fc.oneof(fc.string({ maxLength: 80 }), fc.integer()),
  }),
  fc.record({
    bannerId: fc.oneof(fc.constantFrom('standard', '__proto__'), fc.string()),
    count: fc.oneof(fc.constantFrom(1, 5, 10), fc.integer(), fc.double()),
  }),
  fc.record({ party: fc.array(fc.string({ maxLength: 20 }), { maxLength: 8 }) }),
  fc.constant(JSON.parse('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{}}}')),
);

const rawBodies = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{', '{"a":', '[1,2', 'null', '"x"', '{"a":1}}', '\u0000'),
  fc.constant(`{"pad":"${'x'.repeat(20_000)}"}`),
);

/** REST requests over every route: odd ids, hostile JSON, broken JSON, any token. */
export const fuzzRequests: fc.Arbitrary<FuzzRequest> = fc.record({
  route: fc.constantFrom(...ROUTES),
  segments: fc.tuple(segment, segment),
  body: fc.option(
    fc.oneof(jsonBodies.map((json) => ({ json })), rawBodies.map((raw) => ({ raw }))),
  ),
  auth: fc.constantFrom('token' as const, 'none' as const, 'garbage' as const),
  idempotencyKey: fc.option(fc.string({ minLength: 1, maxLength: 80 }), { nil: undefined }),
}).map(({ route, segments, body, auth, idempotencyKey }) => ({
  method: route[0],
  path: route[1].replace('%s', segments[0]).replace('%s', segments[1]),
  body: body ?? undefined,
  auth,
  idempotencyKey,
}));

/** Sends one fuzz request to 127.0.0.1 and reads its status and error shape. */
export async function sendFuzzRequest(
  baseUrl: string,
  request: FuzzRequest,
  token: string,
): Promise<FuzzAnswer> {
  const headers: Record<string, string> = {};
  if (request.auth === 'token') headers.authorization = `Bearer ${token}`;
  if (request.auth === 'garbage') headers.authorization = `Bearer ${token.slice(0, -4)}AAAA`;
  const key = request.idempotencyKey;
  if (key) headers['idempotency-key'] = encodeURIComponent(key);
  let body: string | undefined;
  if (request.body) {
    headers['content-type'] = 'application/json';
    body = 'json' in request.body ? JSON.stringify(request.body.json) ?? 'null' : request.body.raw;
  }

  const response = await fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers,
    body: request.method === 'GET' ? undefined : body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return { code: response.status, hasErrorShape: hasErrorShape(text) };
}

function hasErrorShape(text: string): boolean {
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    return typeof parsed.error?.code === 'string' && typeof parsed.error.message === 'string';
  } catch {
    return false;
  }
}
