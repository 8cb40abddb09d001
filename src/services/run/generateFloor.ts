import { FLOOR } from '../../core/balance/runs.ts';
import { SeededRng, deriveSeed } from '../../core/rng.ts';

export const ROOM_KINDS = ['start', 'weak', 'normal', 'shop', 'rest', 'boss'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

const MAX_ATTEMPTS = 1_000;

/**
 * Lays out one floor: a start, a seeded shuffle of shops, rests and battles, then the boss.
 * Pure: the same run seed and floor number always give the same floor.
 */
export function generateFloor(runSeed: number, floor: number): RoomKind[] {
  const rng = new SeededRng(deriveSeed(runSeed, `floor:${floor}`));
  const middle = middleRooms();

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const shuffled = rng.shuffle(middle);
    if (isValidMiddle(shuffled)) return ['start', ...shuffled, 'boss'];
  }
  throw new Error(`Floor ${floor} of seed ${runSeed} found no valid layout`);
}

function middleRooms(): RoomKind[] {
  return [
    ...Array<RoomKind>(FLOOR.shops).fill('shop'),
    ...Array<RoomKind>(FLOOR.rests).fill('rest'),
    ...Array<RoomKind>(FLOOR.weakBattles).fill('weak'),
    ...Array<RoomKind>(FLOOR.normalBattles).fill('normal'),
  ];
}

/** No floor opens with a shop or rest, and a shop comes before the last rest. */
function isValidMiddle(rooms: readonly RoomKind[]): boolean {
  if (!isBattle(rooms[0])) return false;
  return rooms.indexOf('shop') < rooms.lastIndexOf('rest');
}

export function isBattle(kind: RoomKind | undefined): boolean {
  return kind === 'weak' || kind === 'normal' || kind === 'boss';
}
