import { join, resolve } from 'node:path';
import mongoose from 'mongoose';
import type { Logger } from '../core/logger.ts';
import { startEmbeddedMongo, type EmbeddedMongo } from './embedded/index.ts';

export interface DatabaseOptions {
  /** A real MongoDB; without it the embedded server starts in-process. */
  mongodbUri?: string | undefined;
  /** Where the embedded server keeps its data (`<dataDir>/db`), or ':memory:'. */
  dataDir: string;
  /** Database name used with the embedded server. */
  databaseName?: string;
  logger: Logger;
  /** Called for every finished driver command (turns on the driver's command monitoring). */
  onCommand?: (sample: { commandName: string; durationMs: number; isOk: boolean }) => void;
}

export interface Database {
  uri: string;
  isEmbedded: boolean;
  close(): Promise<void>;
}

/**
 * Connects Mongoose to `MONGODB_URI`, or else to an embedded MongoDB-compatible server started
 * here, keeping its data under the data directory.
 */
export async function connectDatabase(options: DatabaseOptions): Promise<Database> {
  const log = options.logger.child({ component: 'database' });
  let embedded: EmbeddedMongo | undefined;
  let uri = options.mongodbUri;
  let where: Record<string, string> = { kind: 'mongodb', host: redactCredentials(uri ?? '') };
  if (!uri) {
    const isInMemory = options.dataDir === ':memory:';
    const dbPath = isInMemory ? ':memory:' : join(resolve(options.dataDir), 'db');
    embedded = await startEmbeddedMongo({ dbPath, port: 0 });
    where = { kind: 'embedded', dbPath };
    uri = `${embedded.uri}${options.databaseName ?? 'fray'}`;
  }

  const onCommand = options.onCommand;
  await mongoose.connect(uri, { serverSelectionTimeoutMS: 10_000, monitorCommands: !!onCommand });
  if (onCommand) {
    const client = mongoose.connection.getClient();
    client.on('commandSucceeded', (event) =>
      onCommand({ commandName: event.commandName, durationMs: event.duration, isOk: true }));
    client.on('commandFailed', (event) =>
      onCommand({ commandName: event.commandName, durationMs: event.duration, isOk: false }));
  }
  log.info(where, 'database connected');
  let isClosing = false;
  mongoose.connection.on('disconnected', () => {
    if (!isClosing) log.warn('database connection lost');
  });
  mongoose.connection.on('reconnected', () => log.info('database reconnected'));

  return {
    uri,
    isEmbedded: embedded !== undefined,
    close: async () => {
      isClosing = true;
      await mongoose.disconnect();
      await embedded?.stop();
    },
  };
}

function redactCredentials(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//[redacted]@');
}
