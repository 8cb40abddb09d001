import type { Cursors } from '../Cursors.ts';
import type { Store } from '../Store.ts';
import type { Document } from '../documents.ts';

/** What a command handler may use besides the command document itself. */
export interface CommandContext {
  store: Store;
  cursors: Cursors;
  db: string;
  connectionId: number;
  /** Counts of live connections and the start time, for serverStatus. */
  stats: { connections: number; startedAtMs: number };
}

export type CommandHandler = (command: Document, context: CommandContext) =>
  Document | Promise<Document>;

export type CommandTable = Record<string, CommandHandler>;
