/**
 * Route templates that label HTTP metrics. Labelling by raw path would let any client create
 * unbounded series, so a path either matches one of these or is labelled `other`.
 * Known limitation: a new route shows as `other` until it is listed here.
 */
const MATCHMAKE = /^\/matchmake\/(create|join|joinById|joinOrCreate|reconnect)\/[^/]+$/;

const ROUTE_TEMPLATES: ReadonlyArray<readonly [RegExp, string]> = [
  [MATCHMAKE, '/matchmake/:method/:target'],
  [/^\/api\/runs\/[^/]+\/abandon$/, '/api/runs/:runId/abandon'],
  [/^\/api\/runs\/[^/]+$/, '/api/runs/:runId'],
  [/^\/api\/battles\/[^/]+\/replay$/, '/api/battles/:battleId/replay'],
  [/^\/api\/battles\/[^/]+$/, '/api/battles/:battleId'],
  [/^\/api\/admin\/players\/[^/]+$/, '/api/admin/players/:username'],
];

const STATIC_ROUTES = new Set([
  '/healthz',
  '/readyz',
  '/metrics',
  '/api/auth/register',
  '/api/auth/login',
  '/api/me',
  '/api/me/roster',
  '/api/me/party',
  '/api/me/editor',
  '/api/me/items/craft',
  '/api/me/upgrades/convert',
  '/api/me/upgrades/spend',
  '/api/catalog',
  '/api/gacha/banners',
  '/api/gacha/rates',
  '/api/gacha/pull',
  '/api/gacha/history',
  '/api/admin/grant',
  '/api/runs',
  '/api/battles',
]);

/** The bounded route label of a request URL (query string ignored). */
export function routeLabel(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0]?.replace(/\/+$/, '') || '/';
  if (STATIC_ROUTES.has(path)) return path;
  for (const [pattern, template] of ROUTE_TEMPLATES) {
    const match = pattern.exec(path);
    if (!match) continue;
    return match[1] ? template.replace(':method', match[1]) : template;
  }
  return 'other';
}
