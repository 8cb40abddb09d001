import { z } from 'zod';
import { describeIssues } from '../core/errors.ts';
import { HOOK_NAMES } from './hooks.ts';
import { ELEMENTS, PLUGIN_KINDS, STAT_KEYS, type Plugin, type StatKey } from './types.ts';

/** Lowercase words of letters and digits joined by single hyphens, as in `ember-fox`. */
export const PLUGIN_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const MAX_TEXT_CHARS = 400;

const id = z
  .string()
  .max(64)
  .regex(PLUGIN_ID_PATTERN, 'must be lowercase words joined by hyphens');
const text = z.string().trim().min(1).max(MAX_TEXT_CHARS);
const element = z.enum(ELEMENTS);
const stars = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], {
  error: 'must be a whole number of stars from 1 to 5',
});
const hookFunction = z.custom<(context: never) => void>(
  (value) => typeof value === 'function',
  { message: 'must be a function' },
);

/** Only hooks the simulator calls are accepted, so a misspelt hook cannot sit there unused. */
const hooks = z.partialRecord(z.enum(HOOK_NAMES), hookFunction);

const statShape = Object.fromEntries(
  STAT_KEYS.map((key) => [key, z.number().finite().optional()]),
) as Record<StatKey, z.ZodOptional<z.ZodNumber>>;
const baseStats = z.strictObject(statShape);

const statModifier = z
  .strictObject({
    stat: z.enum(STAT_KEYS),
    percent: z.number().finite().optional(),
    flat: z.number().finite().optional(),
  })
  .refine((value) => value.percent !== undefined || value.flat !== undefined, {
    message: 'needs a percent or a flat value',
  });

const base = { id, name: text, description: text };

const character = z.strictObject({
  ...base,
  kind: z.literal('character'),
  element,
  rarity: z.union([z.literal(5), z.literal(6), z.null()], { error: 'must be 5, 6 or null' }),
  baseStats: baseStats.optional(),
  passiveId: id,
  canBeFoe: z.boolean().optional(),
});

const foe = z.strictObject({
  ...base,
  kind: z.literal('foe'),
  element,
  baseStats: baseStats.optional(),
  passiveId: id.optional(),
  actionsPerTurn: z.number().int().min(1).max(5).optional(),
});

const adjective = z.strictObject({
  ...base,
  kind: z.literal('adjective'),
  modifiers: z.array(statModifier).min(1),
});

const card = z.strictObject({
  ...base,
  kind: z.literal('card'),
  stars,
  modifiers: z.array(statModifier),
  hooks: hooks.optional(),
});

const relic = z.strictObject({
  ...base,
  kind: z.literal('relic'),
  stars,
  modifiers: z.array(statModifier),
  hooks: hooks.optional(),
});

const effect = z.strictObject({
  ...base,
  kind: z.literal('effect'),
  polarity: z.enum(['damage', 'healing']),
  element,
  tickShare: z.number().positive().max(10),
  durationActions: z.number().int().min(1).max(100),
});

const passive = z.strictObject({
  ...base,
  kind: z.literal('passive'),
  hooks,
});

const damageType = z.strictObject({
  ...base,
  kind: z.literal('damageType'),
  element,
  weakAgainst: element.optional(),
  dotEffectId: id.optional(),
  hotEffectId: id.optional(),
  hooks: hooks.optional(),
});

/** Validates one plugin definition of any kind; unknown keys are refused to catch typos. */
export const pluginSchema = z.discriminatedUnion('kind', [
  character,
  foe,
  adjective,
  card,
  relic,
  effect,
  passive,
  damageType,
]);

/** A definition that passed, or the reason it did not. */
export type PluginCheck =
  | { ok: true; plugin: Plugin }
  | { ok: false; reason: string };

/** Checks a definition against its kind's schema and explains the first problems found. */
export function checkPlugin(value: unknown): PluginCheck {
  const parsed = pluginSchema.safeParse(value);
  if (parsed.success) return { ok: true, plugin: parsed.data as Plugin };
  return { ok: false, reason: describeProblems(value, parsed.error.issues) };
}

function describeProblems(
  value: unknown,
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): string {
  const kind = (value as { kind?: unknown } | null)?.kind;
  const known = (PLUGIN_KINDS as readonly unknown[]).includes(kind);
  if (!known) {
    return `kind must be one of ${PLUGIN_KINDS.join(', ')}, got ${JSON.stringify(kind)}`;
  }
  return describeIssues(issues);
}
