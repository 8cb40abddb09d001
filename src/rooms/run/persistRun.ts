import { GameError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import type { RunRecord } from '../../services/run/RunRecord.ts';
import { RUN_NOTICES } from './messages.ts';
import { RunPersistence } from './RunPersistence.ts';
import type { RunRoomDeps } from './RunRoomDeps.ts';
import type { RunHost } from './RunSession.ts';

/** Longest a decided command waits for its save before it is answered anyway. */
const ACK_SAVE_WAIT_MS = 2_000;

type SaveDeps = Pick<RunRoomDeps, 'runs' | 'players'>;
type SaveHost = Pick<RunHost, 'broadcast' | 'disconnect'>;

/**
 * Starts saving a run for its room: players are warned while saves are delayed, and the room
 * closes once another writer has saved the run.
 */
export function persistRun(
  run: RunRecord,
  deps: SaveDeps,
  log: Logger,
  host: SaveHost,
): RunPersistence {
  return new RunPersistence(run, deps, log, {
    onSaveDelayed: () => host.broadcast(RUN_NOTICES.saveDelayed, saveDelayed(run.id)),
    onLostOwnership: () => void closeLostRun(run.id, deps, log, host),
  });
}

/**
 * Answers a command once its outcome is saved, so an acknowledged pick survives a crash (#9).
 * While the database is down it answers after ACK_SAVE_WAIT_MS instead: the room plays on and
 * players already hold the saveDelayed warning.
 */
export async function acknowledge(
  host: Pick<RunHost, 'broadcastPatch'>,
  isDecided: boolean,
  flush: () => Promise<void>,
): Promise<{ isDecided: boolean }> {
  if (isDecided) {
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ACK_SAVE_WAIT_MS);
    });
    await Promise.race([flush(), waited]).finally(() => clearTimeout(timer));
  }
  // The answer follows the patch, so a client that reads the state on an answer sees it.
  // Without a simulation interval, this also ticks the room clock: timers now due run first.
  host.broadcastPatch();
  return { isDecided };
}

/**
 * Another writer saved the run, so this room may not: its host abandoned it through the API
 * (expected; the players are told), or another room holds it (a bug).
 */
async function closeLostRun(
  runId: string,
  deps: SaveDeps,
  log: Logger,
  host: SaveHost,
): Promise<void> {
  const stored = await deps.runs.findById(runId).catch(() => null);
  if (stored?.status === 'abandoned') {
    log.info('run abandoned elsewhere; closing room');
    host.broadcast(RUN_NOTICES.runEnded, { result: 'abandoned' });
  } else {
    log.error('run saved elsewhere; closing room');
  }
  await host.disconnect();
}

/** The coded warning players get while the database does not answer. */
function saveDelayed(runId: string) {
  const error = new GameError('UNAVAILABLE', `Saving run "${runId}" is delayed; it is retried`);
  return { runId, ...error.toJSON() };
}
