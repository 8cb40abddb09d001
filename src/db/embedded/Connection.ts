import type { Socket } from 'node:net';
import { logger } from '../../core/logger.ts';
import { runCommand } from './commands/runCommand.ts';
import type { CommandContext } from './commands/context.ts';
import {
  encodeMsg, encodeReply, frameLength, HEADER_BYTES, OP_QUERY, parseFrame, WireError,
} from './wire.ts';

const log = logger.child({ component: 'embedded-mongo' });

/**
 * One client socket: splits the byte stream into frames and answers them in arrival order.
 * A frame that cannot be decoded closes this socket only.
 */
export class Connection {
  readonly #socket: Socket;
  readonly #context: CommandContext;
  #chunks: Buffer[] = [];
  #buffered = 0;
  /** Length of the frame being received, once its header has arrived; 0 before that. */
  #expected = 0;
  #queue: Promise<void> = Promise.resolve();

  constructor(socket: Socket, context: CommandContext) {
    this.#socket = socket;
    this.#context = context;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.#receive(chunk));
    socket.on('error', (err) => log.debug({ err }, 'embedded client socket failed'));
  }

  close(): void {
    this.#socket.destroy();
  }

  #receive(chunk: Buffer): void {
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
    try {
      for (let frame = this.#nextFrame(); frame; frame = this.#nextFrame()) this.#enqueue(frame);
    } catch (error) {
      this.#refuse(error);
    }
  }

  #nextFrame(): Buffer | undefined {
    if (this.#buffered < HEADER_BYTES) return undefined;
    if (this.#expected === 0) this.#expected = frameLength(this.#flatten());
    if (this.#buffered < this.#expected) return undefined;

    const data = this.#flatten();
    const frame = data.subarray(0, this.#expected);
    const rest = data.subarray(this.#expected);
    this.#chunks = rest.length > 0 ? [rest] : [];
    this.#buffered = rest.length;
    this.#expected = 0;
    return frame;
  }

  #flatten(): Buffer {
    if (this.#chunks.length > 1) this.#chunks = [Buffer.concat(this.#chunks)];
    return this.#chunks[0];
  }

  #enqueue(frame: Buffer): void {
    const request = parseFrame(frame);
    this.#queue = this.#queue.then(async () => {
      const context = { ...this.#context, db: request.db };
      const reply = await runCommand(request.command, context);
      if (request.isFireAndForget || this.#socket.destroyed) return;
      const encode = request.opCode === OP_QUERY ? encodeReply : encodeMsg;
      this.#socket.write(encode(request.requestId, reply));
    }).catch((error: unknown) => this.#refuse(error));
  }

  #refuse(error: unknown): void {
    const isWireError = error instanceof WireError || error instanceof RangeError;
    if (!isWireError) log.error({ err: error }, 'embedded connection failed unexpectedly');
    else log.debug({ err: error }, 'embedded client sent a bad frame');
    this.#socket.destroy();
  }
}
