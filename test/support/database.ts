import { randomBytes } from 'node:crypto';
import { after, before } from 'node:test';
import {
  MongoClient, type Collection, type Db, type Document, type MongoClientOptions,
} from 'mongodb';
import { startEmbeddedMongo } from '../../src/db/embedded/index.ts';

export interface TestDatabase {
  /** A connection string naming a database of its own. */
  uri: string;
  stop(): Promise<void>;
}

/**
 * A database for one test file: on the MongoDB named by MONGODB_URI when set (under a unique
 * database name, dropped on stop), otherwise on a fresh in-memory embedded server.
 */
export async function startTestDatabase(name = 'test'): Promise<TestDatabase> {
  const dbName = `${name}_${randomBytes(4).toString('hex')}`;
  const external = process.env.MONGODB_URI;
  if (external) {
    return {
      uri: withDatabase(external, dbName),
      stop: () => dropDatabase(external, dbName),
    };
  }

  // The test thread hosts the server: a worker would load the query engine a second time in
  // every test file, which costs more than the isolation is worth here.
  const server = await startEmbeddedMongo({ dbPath: ':memory:', thread: 'main' });
  return { uri: withDatabase(server.uri, dbName), stop: () => server.stop() };
}

/** Replaces the path of a mongodb:// URI with the database name, keeping its options. */
function withDatabase(uri: string, dbName: string): string {
  const queryAt = uri.indexOf('?');
  const base = queryAt < 0 ? uri : uri.slice(0, queryAt);
  const query = queryAt < 0 ? '' : uri.slice(queryAt);
  const pathAt = base.indexOf('/', base.indexOf('://') + 3);
  const hosts = pathAt < 0 ? base : base.slice(0, pathAt);
  return `${hosts}/${dbName}${query}`;
}

async function dropDatabase(uri: string, dbName: string): Promise<void> {
  const client = new MongoClient(uri);
  try {
    await client.db(dbName).dropDatabase();
  } finally {
    await client.close();
  }
}

export interface DatabaseFixture {
  client(): MongoClient;
  db(): Db;
  /** A collection no other test uses, so tests stay independent within one database. */
  freshCollection<T extends Document = Document>(): Collection<T>;
  uri(): string;
}

/**
 * Registers before/after hooks that start a test database and a driver client for the
 * surrounding describe block, and returns accessors for them.
 */
export function useTestDatabase(name: string, options: MongoClientOptions = {}): DatabaseFixture {
  let database: TestDatabase | undefined;
  let client: MongoClient | undefined;
  let counter = 0;

  before(async () => {
    database = await startTestDatabase(name);
    client = await new MongoClient(database.uri, options).connect();
  });
  after(async () => {
    await client?.close();
    await database?.stop();
  });

  const requireClient = () => {
    if (!client) throw new Error('The test database is used outside its describe block');
    return client;
  };
  return {
    client: requireClient,
    db: () => requireClient().db(),
    freshCollection: <T extends Document>() => requireClient().db().collection<T>(`c${++counter}`),
    uri: () => database?.uri ?? '',
  };
}
