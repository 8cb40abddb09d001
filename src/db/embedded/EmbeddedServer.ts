import { createServer, type Server, type Socket } from 'node:net';
import { once } from 'node:events';
import { Connection } from './Connection.ts';
import { Cursors } from './Cursors.ts';
import type { Store } from './Store.ts';
import type { CommandContext } from './commands/context.ts';

export interface ListenOptions {
  host: string;
  port: number;
}

/** The TCP side: accepts clients and gives each a Connection over the shared store. */
export class EmbeddedServer {
  readonly #store: Store;
  readonly #cursors = new Cursors();
  readonly #connections = new Set<Connection>();
  readonly #stats = { connections: 0, startedAtMs: Date.now() };
  readonly #server: Server;
  #nextConnectionId = 1;

  constructor(store: Store) {
    this.#store = store;
    this.#server = createServer((socket) => this.#accept(socket));
  }

  /** Starts listening and resolves with the bound port. */
  async listen(options: ListenOptions): Promise<number> {
    this.#server.listen(options.port, options.host);
    await once(this.#server, 'listening');
    const address = this.#server.address();
    if (address === null || typeof address === 'string') {
      throw new Error('Embedded server has no TCP address after listening');
    }
    return address.port;
  }

  /** Stops accepting, drops every client, then waits for pending journal writes. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    for (const connection of this.#connections) connection.close();
    await closed;
    await this.#store.sync();
  }

  #accept(socket: Socket): void {
    const context: CommandContext = {
      store: this.#store,
      cursors: this.#cursors,
      db: 'admin',
      connectionId: this.#nextConnectionId++,
      stats: this.#stats,
    };
    const connection = new Connection(socket, context);
    this.#connections.add(connection);
    this.#stats.connections += 1;
    socket.once('close', () => {
      this.#connections.delete(connection);
      this.#stats.connections -= 1;
    });
  }
}
