import { deserialize, serialize, type Document } from 'bson';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;

export const HEADER_BYTES = 16;
export const MAX_BSON_BYTES = 16 * 1024 * 1024;
export const MAX_MESSAGE_BYTES = 48_000_000;

const CHECKSUM_PRESENT = 1 << 0;
const MORE_TO_COME = 1 << 1;
/** OP_MSG flag bits 0-15 are required: a receiver must refuse any it does not know. */
const KNOWN_REQUIRED_FLAGS = CHECKSUM_PRESENT | MORE_TO_COME;

const DESERIALIZE_OPTIONS = { promoteBuffers: false, validation: { utf8: false } } as const;

/** A decoded client request: the command document, its database and how to answer it. */
export interface WireRequest {
  requestId: number;
  opCode: typeof OP_MSG | typeof OP_QUERY;
  db: string;
  command: Document;
  /** The client sent `moreToCome` and expects no reply (unacknowledged writes). */
  isFireAndForget: boolean;
}

/** A frame the server cannot decode; the connection that sent it is closed. */
export class WireError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WireError';
  }
}

/** Reads the total length from a frame header, refusing impossible sizes. */
export function frameLength(header: Buffer): number {
  const length = header.readInt32LE(0);
  if (length < HEADER_BYTES || length > MAX_MESSAGE_BYTES) {
    throw new WireError(`Message length ${length} is outside 16..${MAX_MESSAGE_BYTES} bytes`);
  }
  return length;
}

/** Decodes one complete frame (header included). */
export function parseFrame(frame: Buffer): WireRequest {
  const requestId = frame.readInt32LE(4);
  const opCode = frame.readInt32LE(12);
  if (opCode === OP_MSG) return parseMsg(frame, requestId);
  if (opCode === OP_QUERY) return parseQuery(frame, requestId);
  throw new WireError(`Opcode ${opCode} is not supported (only OP_MSG and OP_QUERY)`);
}

function parseMsg(frame: Buffer, requestId: number): WireRequest {
  const flags = frame.readUInt32LE(HEADER_BYTES);
  if ((flags & 0xffff & ~KNOWN_REQUIRED_FLAGS) !== 0) {
    throw new WireError(`OP_MSG carries unknown required flag bits ${flags & 0xffff}`);
  }
  const end = flags & CHECKSUM_PRESENT ? frame.length - 4 : frame.length;
  let offset = HEADER_BYTES + 4;
  let body: Document | undefined;
  const sequences: Array<[string, Document[]]> = [];

  while (offset < end) {
    const kind = frame[offset];
    offset += 1;
    if (kind === 0) {
      body = readDocument(frame, offset, end);
      offset += frame.readInt32LE(offset);
    } else if (kind === 1) {
      const size = readSize(frame, offset, end);
      sequences.push(readSequence(frame, offset, offset + size));
      offset += size;
    } else {
      throw new WireError(`OP_MSG section kind ${kind} is not 0 or 1`);
    }
  }
  if (!body) throw new WireError('OP_MSG has no body section');

  for (const [identifier, docs] of sequences) body[identifier] = docs;
  const db = typeof body.$db === 'string' ? body.$db : 'admin';
  const isFireAndForget = (flags & MORE_TO_COME) !== 0;
  return { requestId, opCode: OP_MSG, db, command: body, isFireAndForget };
}

function readSequence(frame: Buffer, start: number, end: number): [string, Document[]] {
  const nameEnd = frame.indexOf(0, start + 4);
  if (nameEnd < 0 || nameEnd >= end) throw new WireError('Document sequence name is unterminated');
  const identifier = frame.toString('utf8', start + 4, nameEnd);
  const docs: Document[] = [];
  for (let offset = nameEnd + 1; offset < end; offset += frame.readInt32LE(offset)) {
    docs.push(readDocument(frame, offset, end));
  }
  return [identifier, docs];
}

function parseQuery(frame: Buffer, requestId: number): WireRequest {
  const nameStart = HEADER_BYTES + 4;
  const nameEnd = frame.indexOf(0, nameStart);
  if (nameEnd < 0) throw new WireError('OP_QUERY collection name is unterminated');
  const fullName = frame.toString('utf8', nameStart, nameEnd);
  const [db, collection] = splitOnce(fullName);
  if (collection !== '$cmd') {
    throw new WireError(`OP_QUERY is only supported for commands, got "${fullName}"`);
  }

  let command = readDocument(frame, nameEnd + 9, frame.length);
  if (command.$query && typeof command.$query === 'object') command = command.$query;
  return { requestId, opCode: OP_QUERY, db, command, isFireAndForget: false };
}

function readSize(frame: Buffer, offset: number, end: number): number {
  if (offset + 4 > end) throw new WireError('Section is truncated');
  const size = frame.readInt32LE(offset);
  if (size < 5 || offset + size > end) throw new WireError(`Section size ${size} overruns frame`);
  return size;
}

function readDocument(frame: Buffer, offset: number, end: number): Document {
  const size = readSize(frame, offset, end);
  try {
    return deserialize(frame.subarray(offset, offset + size), DESERIALIZE_OPTIONS);
  } catch (error) {
    throw new WireError(`Invalid BSON document: ${(error as Error).message}`);
  }
}

function splitOnce(fullName: string): [string, string] {
  const dot = fullName.indexOf('.');
  return dot < 0 ? [fullName, ''] : [fullName.slice(0, dot), fullName.slice(dot + 1)];
}

let nextResponseId = 1;

/** Encodes an OP_MSG reply with one body section. */
export function encodeMsg(responseTo: number, reply: Document): Buffer {
  const body = serialize(reply);
  const header = Buffer.allocUnsafe(HEADER_BYTES + 5);
  header.writeInt32LE(HEADER_BYTES + 5 + body.length, 0);
  header.writeInt32LE(nextResponseId++ & 0x7fffffff, 4);
  header.writeInt32LE(responseTo, 8);
  header.writeInt32LE(OP_MSG, 12);
  header.writeUInt32LE(0, 16);
  header.writeUInt8(0, 20);
  return Buffer.concat([header, body]);
}

/** Encodes a legacy OP_REPLY carrying one document, the answer to an OP_QUERY handshake. */
export function encodeReply(responseTo: number, reply: Document): Buffer {
  const body = serialize(reply);
  const header = Buffer.alloc(HEADER_BYTES + 20);
  header.writeInt32LE(HEADER_BYTES + 20 + body.length, 0);
  header.writeInt32LE(nextResponseId++ & 0x7fffffff, 4);
  header.writeInt32LE(responseTo, 8);
  header.writeInt32LE(OP_REPLY, 12);
  header.writeInt32LE(1, HEADER_BYTES + 16);
  return Buffer.concat([header, body]);
}
