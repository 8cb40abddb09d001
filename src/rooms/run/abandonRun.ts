import { matchMaker } from '@colyseus/core';
import { GameError, isErrorCode } from '../../core/errors.ts';
import type { RunService, RunSummary } from '../../services/RunService.ts';
import type { RunRoom } from './RunRoom.ts';

/**
 * Abandons a run for its host. A run with a live room, in this process or another, is
 * abandoned by that room, which tells its players and cancels a battle in progress; any other
 * run is marked abandoned in the database.
 * @throws GameError RUN_NOT_FOUND when no active run of that id is hosted by the player.
 */
export async function abandonRun(
  runs: RunService,
  runId: string,
  playerId: string,
): Promise<RunSummary> {
  const [live] = await matchMaker.query({ roomId: runId });
  if (!live) return runs.abandon(runId, playerId);

  const answer = await matchMaker
    .remoteRoomCall<RunRoom>(runId, 'abandonFromApi', [playerId])
    .catch(() => undefined);
  // The room went away between the query and the call: the database decides alone.
  if (!answer) return runs.abandon(runId, playerId);
  if (answer.code) {
    const code = isErrorCode(answer.code) ? answer.code : 'RUN_NOT_FOUND';
    throw new GameError(code, answer.message ?? `Active run "${runId}" not found`);
  }
  return runs.findSummary(runId, playerId);
}
