import type { IRoomCache } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import type { Redis } from 'ioredis';

/** The hash where `RedisDriver` keeps one listing per live room, keyed by room id. */
const ROOM_LISTINGS_KEY = 'roomcaches';

/**
 * Colyseus' Redis room driver plus the atomic `insert` it lacks (0.18.3). Without it, two
 * processes creating a room under one preset id (a run id) both succeed and the second listing
 * overwrites the first; with it, Colyseus discards the later room and seats its client in the
 * first, as it does in a single process.
 */
export class RedisRoomDriver extends RedisDriver {
  readonly #client: Redis;

  constructor(client: Redis) {
    super(client);
    this.#client = client;
  }

  /** Leaves the connection open: its owner closes it, with a deadline Colyseus does not set. */
  async shutdown(): Promise<void> {}

  /** Records the listing unless its room id is already listed; false when it is. */
  async insert(room: IRoomCache): Promise<boolean> {
    const listing = JSON.stringify(room);
    return (await this.#client.hsetnx(ROOM_LISTINGS_KEY, room.roomId, listing)) === 1;
  }
}
