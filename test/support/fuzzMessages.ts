import fc from 'fast-check';
import { RUN_COMMANDS } from '../../src/rooms/run/messages.ts';

/** Protocol codes of Colyseus 0.18 frames a joined client may send (LEAVE_ROOM excluded). */
export const FRAME_CODES = {
  ROOM_DATA: 13,
  ROOM_DATA_BYTES: 17,
  PING: 18,
  ROOM_INPUT_RELIABLE: 19,
  ROOM_REQUEST: 21,
} as const;

/** Commands the fuzz may send with any payload; `abandon` would end the run by design. */
const FUZZED_COMMANDS = Object.values(RUN_COMMANDS).filter((command) => command !== 'abandon');

export type FuzzMessage =
  | { kind: 'send'; type: string | number; payload: unknown }
  | { kind: 'raw'; bytes: Uint8Array };

const oddStrings = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('__proto__', 'constructor', 'toString', '', '*', '_$b', '\u0000'),
  fc.constant('x'.repeat(300)),
);

const payload: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3, maxKeys: 6, withBigInt: false, withMap: false, withSet: false }),
  fc.record({ cardId: fc.anything({ maxDepth: 1 }), relicId: oddStrings }, { requiredKeys: [] }),
  fc.record({ speed: fc.oneof(fc.integer(), fc.double(), oddStrings) }),
  fc.record({ username: oddStrings, itemId: oddStrings }, { requiredKeys: [] }),
  fc.constantFrom(null, undefined, 0, -1, Number.NaN, [], {}, true, 'advance'),
  fc.string({ minLength: 500, maxLength: 3_000 }),
);

const type = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FUZZED_COMMANDS) },
  { weight: 1, arbitrary: oddStrings },
  { weight: 1, arbitrary: fc.integer({ min: -1_000, max: 1_000 }) },
);

/** A frame of random bytes behind one of the codes a joined client may send. */
const rawFrames = fc
  .tuple(fc.constantFrom(...Object.values(FRAME_CODES)), fc.uint8Array({ maxLength: 200 }))
  .map(([code, body]) => {
    const bytes = new Uint8Array(body.length + 1);
    bytes[0] = code;
    bytes.set(body, 1);
    return { kind: 'raw' as const, bytes };
  });

/**
 * Room messages: mostly commands with hostile payloads and unknown types, about 3 % raw frames
 * (Colyseus closes the sender's connection on an undecodable frame, so each costs a rejoin).
 */
export const fuzzMessages: fc.Arbitrary<FuzzMessage> = fc.oneof(
  { weight: 30, arbitrary: fc.record({ kind: fc.constant('send' as const), type, payload }) },
  { weight: 1, arbitrary: rawFrames },
);

/** Draws `count` values of `arbitrary` from a fixed seed, so a failure replays exactly. */
export function drawSeeded<T>(arbitrary: fc.Arbitrary<T>, seed: number, count: number): T[] {
  return fc.sample(arbitrary, { seed, numRuns: count });
}
