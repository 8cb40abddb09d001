import { z } from 'zod';
import { MAX_SEED } from '../core/rng.ts';
import { MAX_ACTIONS_PER_TURN } from '../core/balance/battle.ts';
import { ELEMENTS, MODIFIER_KINDS, STAT_KEYS } from '../plugins/types.ts';
import type { BattleConfig, BattleContent } from './types.ts';

/** A checked config, or the first bad field and a message naming it. */
export type BattleConfigCheck =
  | { ok: true; config: BattleConfig }
  | { ok: false; field: string; message: string };

const MAX_SIDE = 5;
const MAX_ID_LENGTH = 64;
const MAX_MODIFIERS = 500;

const describe = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null || typeof value !== 'object') return String(value);
  return 'an object';
};

/** A check whose failure reads `must be <expected>, got <input>`. */
const must = (expected: string) => ({
  error: (issue: { input?: unknown }) => `must be ${expected}, got ${describe(issue.input)}`,
});

const finite = (expected: string) =>
  z.number(must(expected)).refine(Number.isFinite, must(expected));
const text = z.string(must('a string of 1–64 characters')).min(1).max(MAX_ID_LENGTH);

const statsSchema = z.partialRecord(z.enum(STAT_KEYS), finite('a finite number'), {
  error: (issue: { input?: unknown; keys?: string[] }) =>
    issue.keys === undefined
      ? `must be an object of stats, got ${describe(issue.input)}`
      : `must name only stats, got ${describe(issue.keys[0])}`,
});

const modifierSchema = z.object({
  stat: z.enum(STAT_KEYS, must(`one of ${STAT_KEYS.join(', ')}`)),
  kind: z.enum(MODIFIER_KINDS, must(`one of ${MODIFIER_KINDS.join(', ')}`)),
  percent: finite('a finite number').optional(),
  flat: finite('a finite number').optional(),
}, must('an object'));

const combatantSchema = z.object({
  id: text,
  name: text,
  element: z.enum(ELEMENTS, must(`one of ${ELEMENTS.join(', ')}`)),
  level: z.number(must('an integer from 1')).int(must('an integer from 1')).min(1, must('≥ 1')),
  baseStats: statsSchema,
  modifiers: z.array(modifierSchema, must('an array')).max(MAX_MODIFIERS, must('at most 500')),
  passiveId: text.optional(),
  actionsPerTurn: z
    .number(must(`an integer from 1 to ${MAX_ACTIONS_PER_TURN}`))
    .int(must(`an integer from 1 to ${MAX_ACTIONS_PER_TURN}`))
    .min(1, must(`an integer from 1 to ${MAX_ACTIONS_PER_TURN}`))
    .max(MAX_ACTIONS_PER_TURN, must(`an integer from 1 to ${MAX_ACTIONS_PER_TURN}`))
    .optional(),
  hp: z.number(must('a positive integer')).int(must('a positive integer'))
    .min(1, must('a positive integer')).optional(),
}, must('an object'));

const side = z
  .array(combatantSchema, must(`an array of 1–${MAX_SIDE} combatants`))
  .min(1, must(`an array of 1–${MAX_SIDE} combatants`))
  .max(MAX_SIDE, must(`an array of 1–${MAX_SIDE} combatants`));

const configSchema = z.object({
  seed: z
    .number(must('an unsigned 32-bit integer'))
    .int(must('an unsigned 32-bit integer'))
    .min(0, must('an unsigned 32-bit integer'))
    .max(MAX_SEED, must('an unsigned 32-bit integer')),
  party: side,
  foes: side,
  cardIds: z.array(text, must('an array of card ids')).max(MAX_MODIFIERS, must('at most 500')),
  relicCounts: z.record(
    text,
    z.number(must('a positive integer')).int(must('a positive integer'))
      .min(1, must('a positive integer')),
    must('an object of relic id to copies'),
  ),
  isBossRoom: z.boolean(must('a boolean')),
}, must('an object'));

/**
 * Checks an untrusted battle configuration. With `content`, also checks that every passive,
 * card and relic id exists. Never throws: a refusal names the first bad field.
 */
export function validateBattleConfig(input: unknown, content?: BattleContent): BattleConfigCheck {
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue === undefined ? 'config' : issue.path.map(String).join('.') || 'config';
    return refuse(field, issue?.message ?? 'is malformed');
  }
  const config = parsed.data as BattleConfig;
  const unknown = content === undefined ? undefined : findUnknownId(config, content);
  if (unknown !== undefined) return refuse(unknown.field, unknown.detail);
  return { ok: true, config };
}

function refuse(field: string, detail: string): BattleConfigCheck {
  return { ok: false, field, message: `Battle config is invalid: ${field} ${detail}` };
}

/** The first id the content does not know, as a field and its complaint. */
export function findUnknownId(
  config: BattleConfig,
  content: BattleContent,
): { field: string; detail: string } | undefined {
  for (const sideName of ['party', 'foes'] as const) {
    const specs = config[sideName];
    for (let i = 0; i < specs.length; i++) {
      const passiveId = specs[i]?.passiveId;
      if (passiveId !== undefined && content.passive(passiveId) === undefined) {
        return unknownId(`${sideName}.${i}.passiveId`, 'passive', passiveId);
      }
    }
  }
  for (let i = 0; i < config.cardIds.length; i++) {
    const cardId = config.cardIds[i] as string;
    if (content.card(cardId) === undefined) return unknownId(`cardIds.${i}`, 'card', cardId);
  }
  for (const relicId of Object.keys(config.relicCounts)) {
    if (content.relic(relicId) === undefined) {
      return unknownId(`relicCounts.${relicId}`, 'relic', relicId);
    }
  }
  return undefined;
}

function unknownId(field: string, kind: string, id: string) {
  return { field, detail: `must name a known ${kind}, got ${JSON.stringify(id)}` };
}
