import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ERROR_CODES, GameError } from '../core/errors.ts';
import { statusForCode } from './errorStatus.ts';

/** Node's parser codes for requests whose headers pass its limit (16 kB by default). */
const HEADER_OVERFLOW_CODES = new Set(['HPE_HEADER_OVERFLOW', 'HPE_CHUNK_EXTENSIONS_OVERFLOW']);

/**
 * Answers requests Node cannot parse before express sees them (oversized headers, a broken
 * request line) with the API's `{ error: { code, message } }` body instead of an empty one.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    socket.end(rawResponse(toGameError(error)));
  });
}

function toGameError(error: NodeJS.ErrnoException): GameError {
  if (HEADER_OVERFLOW_CODES.has(error.code ?? '')) {
    return new GameError(ERROR_CODES.HEADERS_TOO_LARGE, 'Request headers are too large');
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return new GameError(ERROR_CODES.REQUEST_TIMEOUT, 'Request did not arrive in time');
  }
  return new GameError(ERROR_CODES.BAD_REQUEST, 'Request could not be parsed as HTTP');
}

function rawResponse(error: GameError): string {
  const status = statusForCode(error.code);
  const body = JSON.stringify({ error: error.toJSON() });
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}
