import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ERROR_CODES, GameError } from '../core/errors.ts';
import { statusForCode } from './errorStatus.ts';

/** Node's parser code for requests whose headers pass its limit (16 kB by default). */
const HEADER_OVERFLOW = 'HPE_HEADER_OVERFLOW';
/** Node's parser code for chunk extensions past its limit: a body problem. */
const CHUNK_EXTENSIONS_OVERFLOW = 'HPE_CHUNK_EXTENSIONS_OVERFLOW';

/**
 * Answers requests Node cannot parse before express sees them (oversized headers, a broken
 * request line) with the API's `{ error: { code, message } }` body instead of an empty one.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // Behind a request still being answered (pipelined), a status line would land inside
    // that response, or take its place and so hide its outcome: only closing is safe.
    const isResponding = Boolean((socket as { _httpMessage?: unknown })._httpMessage);
    if (!socket.writable || error.code === 'ECONNRESET' || isResponding) {
      socket.destroy();
      return;
    }
    socket.end(rawResponse(toGameError(error)));
  });
}

function toGameError(error: NodeJS.ErrnoException): GameError {
  if (error.code === HEADER_OVERFLOW) {
    return new GameError(ERROR_CODES.HEADERS_TOO_LARGE, 'Request headers are too large');
  }
  if (error.code === CHUNK_EXTENSIONS_OVERFLOW) {
    return new GameError(ERROR_CODES.PAYLOAD_TOO_LARGE, 'Request body chunks are too large');
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
