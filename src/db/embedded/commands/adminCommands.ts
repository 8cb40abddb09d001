import { randomUUID } from 'node:crypto';
import { Binary } from 'bson';
import { MAX_BSON_BYTES, MAX_MESSAGE_BYTES } from '../wire.ts';
import type { Document } from '../documents.ts';
import type { CommandContext, CommandTable } from './context.ts';

/** The MongoDB release whose wire behaviour the server follows. */
export const SERVER_VERSION = '7.0.0';
const MAX_WIRE_VERSION = 21;
const MAX_WRITE_BATCH = 100_000;
const SESSION_TIMEOUT_MIN = 30;

/**
 * Answers as a standalone server. No `topologyVersion`, so the driver polls instead of using
 * the streaming (awaitable hello) protocol.
 */
function hello(command: Document, context: CommandContext): Document {
  const isLegacy = command.isMaster !== undefined || command.ismaster !== undefined;
  return {
    ...(isLegacy ? { ismaster: true } : { isWritablePrimary: true }),
    helloOk: true,
    maxBsonObjectSize: MAX_BSON_BYTES,
    maxMessageSizeBytes: MAX_MESSAGE_BYTES,
    maxWriteBatchSize: MAX_WRITE_BATCH,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: SESSION_TIMEOUT_MIN,
    connectionId: context.connectionId,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
    ok: 1,
  };
}

function buildInfo(): Document {
  return {
    version: SERVER_VERSION,
    gitVersion: 'embedded',
    versionArray: SERVER_VERSION.split('.').map(Number).concat(0),
    bits: 64,
    debug: false,
    maxBsonObjectSize: MAX_BSON_BYTES,
    storageEngines: ['embedded'],
    modules: [],
    ok: 1,
  };
}

function serverStatus(_command: Document, context: CommandContext): Document {
  const uptimeS = (Date.now() - context.stats.startedAtMs) / 1000;
  return {
    host: '127.0.0.1',
    version: SERVER_VERSION,
    process: 'mongod',
    pid: process.pid,
    uptime: Math.floor(uptimeS),
    localTime: new Date(),
    connections: { current: context.stats.connections, available: 10_000 },
    metrics: { cursor: { open: { total: context.cursors.size } } },
    ok: 1,
  };
}

function dbStats(_command: Document, context: CommandContext): Document {
  const collections = context.store.collections(context.db);
  const objects = collections.reduce((total, c) => total + c.docs.size, 0);
  const indexes = collections.reduce((total, c) => total + c.indexes.size + 1, 0);
  return { db: context.db, collections: collections.length, objects, indexes, ok: 1 };
}

const ok = (): Document => ({ ok: 1 });

export const ADMIN_COMMANDS: CommandTable = {
  hello,
  isMaster: hello,
  ismaster: hello,
  ping: ok,
  buildInfo,
  buildinfo: buildInfo,
  serverStatus,
  dbStats,
  endSessions: ok,
  killSessions: ok,
  killAllSessions: ok,
  refreshSessions: ok,
  startSession: () => ({
    id: { id: new Binary(Buffer.from(randomUUID().replaceAll('-', ''), 'hex'), 4) },
    timeoutMinutes: SESSION_TIMEOUT_MIN,
    ok: 1,
  }),
  whatsmyuri: () => ({ you: '127.0.0.1', ok: 1 }),
  getParameter: () => ({ featureCompatibilityVersion: { version: '7.0' }, ok: 1 }),
  getLog: () => ({ totalLinesWritten: 0, log: [], ok: 1 }),
  getCmdLineOpts: () => ({ argv: ['embedded'], parsed: {}, ok: 1 }),
  hostInfo: () => ({ system: { hostname: '127.0.0.1' }, os: {}, extra: {}, ok: 1 }),
  connectionStatus: () => ({
    authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] },
    ok: 1,
  }),
};
