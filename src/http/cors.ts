import type { RequestHandler } from 'express';
import { matchMaker } from '@colyseus/core';

const ALLOWED_METHODS = 'GET,POST,PUT,PATCH,DELETE';
const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, Accept';
const PREFLIGHT_MAX_AGE_S = '600';

/** The CORS headers for a request from `origin`, or none when the origin is not allowed. */
export function corsHeadersFor(
  origin: string | null | undefined,
  allowedOrigins: readonly string[],
): Record<string, string> {
  if (!origin) return {};
  if (allowedOrigins.includes('*')) return { 'Access-Control-Allow-Origin': '*' };
  if (!allowedOrigins.includes(origin)) return {};
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
}

/**
 * Lets browsers on the allowed origins call the REST API. Tokens travel in the Authorization
 * header, never in cookies, so credentials are never allowed. A preflight from an allowed origin
 * answers 204; any other preflight falls through to the 404 handler.
 */
export function createCorsMiddleware(allowedOrigins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const headers = corsHeadersFor(req.headers.origin, allowedOrigins);
    if (!headers['Access-Control-Allow-Origin']) return next();

    res.set(headers);
    if (req.method !== 'OPTIONS') return next();
    res.set({
      'Access-Control-Allow-Methods': ALLOWED_METHODS,
      'Access-Control-Allow-Headers': ALLOWED_HEADERS,
      'Access-Control-Max-Age': PREFLIGHT_MAX_AGE_S,
    });
    res.status(204).end();
  };
}

/**
 * Applies the same origin list to Colyseus' matchmaking routes, which otherwise reflect any
 * origin with credentials allowed.
 * Known limitation: Colyseus keeps these headers in one module-wide object, so two servers in
 * one process share the last list applied.
 */
export function applyMatchmakeCors(allowedOrigins: readonly string[]): void {
  const controller = matchMaker.controller as unknown as {
    DEFAULT_CORS_HEADERS: Record<string, string>;
    getCorsHeaders(headers: Headers): Record<string, string>;
  };
  // Colyseus answers every preflight on the shared port, the API's included: list its methods.
  controller.DEFAULT_CORS_HEADERS = {
    'Access-Control-Allow-Methods': ALLOWED_METHODS,
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    'Access-Control-Max-Age': PREFLIGHT_MAX_AGE_S,
  };
  controller.getCorsHeaders = (headers) => corsHeadersFor(headers.get('origin'), allowedOrigins);
}
