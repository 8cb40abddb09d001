import mongoose from 'mongoose';
import { logger } from '../../../src/core/logger.ts';
import { SeededRng } from '../../../src/core/rng.ts';
import { loadPlugins } from '../../../src/plugins/loadPlugins.ts';
import type { PluginRegistry } from '../../../src/plugins/PluginRegistry.ts';
import { GachaService, type PullRng } from '../../../src/services/GachaService.ts';
import { PlayerService } from '../../../src/services/PlayerService.ts';
import { startTestDatabase } from '../../support/database.ts';

export interface AccountServices {
  connection: mongoose.Connection;
  registry: PluginRegistry;
  players: PlayerService;
  gacha: GachaService;
  stop(): Promise<void>;
}

export interface AccountServicesOptions {
  welcomeTickets?: number;
  createRng?: () => PullRng;
  now?: () => number;
}

/** Player and gacha services over a fresh test database and the built-in catalogue. */
export async function startAccountServices(
  options: AccountServicesOptions = {},
): Promise<AccountServices> {
  const database = await startTestDatabase('accounts');
  const connection = await mongoose.createConnection(database.uri).asPromise();
  const { registry } = await loadPlugins({ logger });
  let seed = 1;
  const players = new PlayerService({
    connection,
    registry,
    welcomeTickets: options.welcomeTickets ?? 20,
  });
  const gacha = new GachaService({
    connection,
    registry,
    createRng: options.createRng ?? (() => new SeededRng(seed++)),
    now: options.now,
  });
  await Promise.all([players.init(), gacha.init()]);

  return {
    connection,
    registry,
    players,
    gacha,
    stop: async () => {
      await connection.close();
      await database.stop();
    },
  };
}

let counter = 0;

/** A unique, valid username. */
export function uniqueName(prefix = 'player'): string {
  counter += 1;
  return `${prefix}${process.pid}${counter}`;
}
