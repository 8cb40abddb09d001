import { ERROR_CODES, GameError } from '../../core/errors.ts';
import { BALANCE_CEILING } from '../../core/balance/progression.ts';

/** `$inc` amounts by dotted path, as a conditional update applies them. */
export type Increments = Readonly<Record<string, number>>;

/**
 * Filter conditions that hold only while every positive increment still fits under
 * `BALANCE_CEILING`, for the filter of the same update that applies them. `$not: { $gt }`
 * also matches a path that does not exist yet, which then starts from 0.
 * @throws GameError BALANCE_LIMIT when one increment alone passes the ceiling.
 */
export function withinCeiling(increments: Increments): Record<string, unknown> {
  const conditions: Record<string, unknown> = {};
  for (const [path, by] of Object.entries(increments)) {
    if (by <= 0) continue;
    if (by > BALANCE_CEILING) throw pastCeiling(path);
    conditions[path] = { $not: { $gt: BALANCE_CEILING - by } };
  }
  return conditions;
}

/** The first path whose stored value in `record` plus its increment passes the ceiling. */
export function findPastCeiling(record: object, increments: Increments): string | undefined {
  return Object.entries(increments).find(
    ([path, by]) => by > 0 && storedAmount(record, path) + by > BALANCE_CEILING,
  )?.[0];
}

/** BALANCE_LIMIT for a write that would take `path` past the ceiling. */
export function pastCeiling(path: string): GameError {
  return new GameError(
    ERROR_CODES.BALANCE_LIMIT,
    `Balance "${path}" would pass the ceiling of ${BALANCE_CEILING}`,
    { details: { path, ceiling: BALANCE_CEILING } },
  );
}

function storedAmount(record: object, path: string): number {
  let value: unknown = record;
  for (const part of path.split('.')) {
    const isOwn = typeof value === 'object' && value !== null && Object.hasOwn(value, part);
    value = isOwn ? (value as Record<string, unknown>)[part] : undefined;
  }
  return typeof value === 'number' ? value : 0;
}
