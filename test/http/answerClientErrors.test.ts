import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { answerClientErrors } from '../../src/http/answerClientErrors.ts';
import { startTestGame, type TestGame } from '../support/gameServer.ts';

let game: TestGame;

before(async () => {
  game = await startTestGame();
});

after(async () => {
  await game.stop();
});

/** Writes raw bytes to the server and resolves with everything it answers before closing. */
async function exchange(raw: string): Promise<{ status: number; body: any }> {
  const socket = connect(game.server.port, '127.0.0.1');
  await once(socket, 'connect');
  socket.end(raw);

  let answer = '';
  for await (const chunk of socket) answer += String(chunk);
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), body: JSON.parse(body) };
}

describe('answerClientErrors', () => {
  it('answers headers over the parser limit with 431 and the error body', async () => {
    const huge = `Authorization: Bearer ${'x'.repeat(20_000)}\r\n`;

    const answer = await exchange(`GET /api/me HTTP/1.1\r\nHost: a\r\n${huge}\r\n`);

    assert.equal(answer.status, 431);
    assert.equal(answer.body.error.code, 'HEADERS_TOO_LARGE');
  });

  it('answers a broken request line with 400 and the error body', async () => {
    const answer = await exchange('GET /healthz NOT-HTTP\r\n\r\n');

    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.code, 'BAD_REQUEST');
  });

  it('only closes a connection whose earlier response is still being sent', async () => {
    const server = createServer((_req, res) => res.writeHead(200).write('part1-'));
    answerClientErrors(server);
    await once(server.listen(0, '127.0.0.1'), 'listening');
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    let answer = '';
    const firstPart = new Promise<void>((resolve) => socket.on('data', (chunk) => {
      answer += String(chunk);
      if (answer.includes('part1-')) resolve();
    }));

    socket.write('GET /slow HTTP/1.1\r\nHost: a\r\n\r\n');
    await firstPart;
    socket.write('GET /next NOT-HTTP\r\n\r\n');
    await once(socket, 'close');

    server.closeAllConnections();
    server.close();
    assert.doesNotMatch(answer, /HTTP\/1\.1 400/);
  });
});
