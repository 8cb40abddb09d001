import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { deserialize, serialize, type Document } from 'bson';
import { MongoClient } from 'mongodb';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../../src/db/embedded/index.ts';

const OP_QUERY = 2004;
const OP_REPLY = 1;
const OP_MSG = 2013;
const REPLY_DEADLINE_MS = 10_000;

function frame(opCode: number, body: Buffer): Buffer {
  const header = Buffer.alloc(16);
  header.writeInt32LE(16 + body.length, 0);
  header.writeInt32LE(1, 4);
  header.writeInt32LE(opCode, 12);
  return Buffer.concat([header, body]);
}

function opMsg(command: Document): Buffer {
  return frame(OP_MSG, Buffer.concat([Buffer.alloc(5), Buffer.from(serialize(command))]));
}

async function openSocket(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  return socket;
}

/** Resolves with the server's reply document, or 'closed' if it hangs up instead. */
function nextReply(socket: Socket): Promise<Document | 'closed'> {
  return new Promise((resolve, reject) => {
    let data = Buffer.alloc(0);
    const timer = setTimeout(() => reject(new Error('no reply and no close')), REPLY_DEADLINE_MS);
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      if (data.length >= 4 && data.length >= data.readInt32LE(0)) {
        clearTimeout(timer);
        const bodyAt = data.readInt32LE(12) === OP_REPLY ? 36 : 21;
        resolve(deserialize(data.subarray(bodyAt, data.readInt32LE(0))));
      }
    });
    socket.once('close', () => {
      clearTimeout(timer);
      resolve('closed');
    });
  });
}

async function send(port: number, bytes: Buffer, thenEnd = false): Promise<Document | 'closed'> {
  const socket = await openSocket(port);
  const reply = nextReply(socket);
  socket.write(bytes);
  if (thenEnd) socket.end();
  const result = await reply;
  socket.destroy();
  return result;
}

describe('Embedded server wire protocol', () => {
  let server: EmbeddedMongo;
  let client: MongoClient;

  before(async () => {
    server = await startEmbeddedMongo({ dbPath: ':memory:' });
    client = await new MongoClient(server.uri).connect();
  });
  after(async () => {
    await client.close();
    await server.stop();
  });

  async function assertStillServing(): Promise<void> {
    assert.deepEqual(await client.db('admin').command({ ping: 1 }), { ok: 1 });
  }

  it('answers a legacy OP_QUERY isMaster with an OP_REPLY', async () => {
    const name = Buffer.from('admin.$cmd\0');
    const query = Buffer.from(serialize({ isMaster: 1, helloOk: true }));
    const body = Buffer.concat([Buffer.alloc(4), name, Buffer.alloc(8), query]);

    const reply = await send(server.port, frame(OP_QUERY, body));

    assert.notEqual(reply, 'closed');
    assert.deepEqual([(reply as Document).ismaster, (reply as Document).ok], [true, 1]);
  });

  it('closes a connection whose frame declares an impossible length', async () => {
    const header = Buffer.alloc(16);
    header.writeInt32LE(8, 0);

    const result = await send(server.port, header);

    assert.equal(result, 'closed');
    await assertStillServing();
  });

  it('closes a connection that sends an unknown opcode', async () => {
    const result = await send(server.port, frame(9999, Buffer.alloc(8)));

    assert.equal(result, 'closed');
    await assertStillServing();
  });

  it('closes a connection whose OP_MSG body is not valid BSON', async () => {
    const body = Buffer.concat([Buffer.alloc(5), Buffer.from([12, 0, 0, 0, 99, 1, 2, 3])]);

    const result = await send(server.port, frame(OP_MSG, body));

    assert.equal(result, 'closed');
    await assertStillServing();
  });

  it('survives a client that hangs up halfway through a message', async () => {
    const whole = opMsg({ ping: 1, $db: 'admin' });

    const result = await send(server.port, whole.subarray(0, whole.length - 6), true);

    assert.equal(result, 'closed');
    await assertStillServing();
  });

  it('answers an unknown command with an error reply on the same connection', async () => {
    const reply = await send(server.port, opMsg({ frobnicate: 1, $db: 'admin' }));

    assert.notEqual(reply, 'closed');
    assert.equal((reply as Document).ok, 0);
    assert.equal((reply as Document).code, 59);
  });

  it('refuses a document over 16 MiB with an error reply', async () => {
    const big = 'x'.repeat(16 * 1024 * 1024);
    const command = { insert: 'big', documents: [{ big }], $db: 'test' };

    const reply = await send(server.port, opMsg(command));

    assert.notEqual(reply, 'closed');
    assert.equal((reply as Document).writeErrors?.[0]?.code, 2);
    await assertStillServing();
  });
});
