import { GameError } from '../../core/errors.ts';

const ID_PATTERN = /^[A-Za-z0-9_:-]{1,80}$/;

/** @throws NOT_FOUND for an id that no record can have. */
export function requireRouteId(id: string | undefined, subject: string): string {
  if (!id || !ID_PATTERN.test(id)) {
    throw new GameError('NOT_FOUND', `${subject} "${String(id).slice(0, 80)}" not found`);
  }
  return id;
}
