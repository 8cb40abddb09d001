import { z } from 'zod';
import { PARTY_MAX } from '../../core/balance/progression.ts';
import { PRESSURE_MAX } from '../../core/balance/runs.ts';

/** Commands a client sends to the `run` room (imperative camelCase). */
export const RUN_COMMANDS = {
  advance: 'advance',
  pickCard: 'pickCard',
  pickRelic: 'pickRelic',
  collectLoot: 'collectLoot',
  buy: 'buy',
  reroll: 'reroll',
  setSpeed: 'setSpeed',
  skipBattle: 'skipBattle',
  invite: 'invite',
  abandon: 'abandon',
} as const;
export type RunCommand = (typeof RUN_COMMANDS)[keyof typeof RUN_COMMANDS];

/** Notices the `run` room sends (past tense). */
export const RUN_NOTICES = {
  commandRejected: 'commandRejected',
  voteCast: 'voteCast',
  battleStarted: 'battleStarted',
  battleEnded: 'battleEnded',
  rewardGranted: 'rewardGranted',
  rested: 'rested',
  floorCleared: 'floorCleared',
  runEnded: 'runEnded',
  saveDelayed: 'saveDelayed',
} as const;
export type RunNotice = (typeof RUN_NOTICES)[keyof typeof RUN_NOTICES];

const id = z.string().min(1).max(64);
const empty = z.union([z.object({}).strict(), z.undefined(), z.null()]);

/** One validator per command; a payload failing it is refused with INVALID_PAYLOAD. */
export const COMMAND_PAYLOADS = {
  advance: empty,
  pickCard: z.object({ cardId: id }).strict(),
  pickRelic: z.object({ relicId: id }).strict(),
  collectLoot: empty,
  buy: z.object({ itemId: id }).strict(),
  reroll: empty,
  setSpeed: z.object({ speed: z.union([z.literal(1), z.literal(2), z.literal(4)]) }).strict(),
  skipBattle: empty,
  invite: z.object({ username: z.string().min(1).max(32) }).strict(),
  abandon: empty,
} satisfies Record<RunCommand, z.ZodType>;

export type CommandPayload<C extends RunCommand> = z.infer<(typeof COMMAND_PAYLOADS)[C]>;

const party = z
  .array(id)
  .min(1)
  .max(PARTY_MAX)
  .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a character');

/** Options of `create("run", …)`: a new run, or `runId` to resume a saved one. */
export const CREATE_OPTIONS = z.union([
  z
    .object({
      party,
      pressure: z.number().int().min(0).max(PRESSURE_MAX).default(0),
      seed: z.number().int().min(0).max(0xffff_ffff).optional(),
    })
    .strict(),
  z.object({ runId: id }).strict(),
]);
export type CreateOptions = z.infer<typeof CREATE_OPTIONS>;

/** Options of `joinById(runId, …)`: a co-op member brings characters; a spectator does not. */
export const JOIN_OPTIONS = z.union([
  z.object({ role: z.literal('member'), party: party.optional() }).strict(),
  z.object({ role: z.literal('spectator') }).strict(),
]);
export type JoinOptions = z.infer<typeof JOIN_OPTIONS>;
