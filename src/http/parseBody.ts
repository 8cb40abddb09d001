import type { z } from 'zod';
import { ERROR_CODES, GameError, describeIssues } from '../core/errors.ts';

/**
 * Validates a request part with a zod schema.
 * @throws GameError INVALID_PAYLOAD naming the first issues.
 */
export function parseBody<T>(schema: z.ZodType<T>, value: unknown, subject: string): T {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  throw new GameError(
    ERROR_CODES.INVALID_PAYLOAD,
    `${subject} is invalid: ${describeIssues(parsed.error.issues)}`,
  );
}
