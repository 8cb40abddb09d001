import assert from 'node:assert/strict';
import type { RunPlayer, RunView } from '../../src/client/RunPlayer.ts';

const MAX_ROOMS = 20;

export function nextRoomIsBattle(state: RunView): boolean {
  const next = state.roomKinds[state.roomIndex + 1];
  return next === 'weak' || next === 'normal';
}

/**
 * Plays at least `minRooms` rooms (battles skipped), then more until the next advance enters a
 * battle; fails if the run ends first or no battle comes within 20 rooms.
 */
export async function playUntilBeforeBattle(player: RunPlayer, minRooms = 0): Promise<void> {
  for (let rooms = 0; rooms < minRooms || !nextRoomIsBattle(player.state); rooms++) {
    assert.ok(rooms < MAX_ROOMS, `no battle room within ${MAX_ROOMS} rooms`);
    await player.playRoom({ skipBattles: true });
    assert.notEqual(player.state.phase, 'ended', 'the run ended before the battle');
  }
}
