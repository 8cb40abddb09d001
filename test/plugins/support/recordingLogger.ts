import { pino } from 'pino';
import type { Logger } from '../../../src/core/logger.ts';

export interface LogRecord {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** A real pino logger that keeps every record in memory, so tests can assert what was logged. */
export function makeRecordingLogger(): { logger: Logger; records: LogRecord[] } {
  const records: LogRecord[] = [];
  const destination = {
    write(line: string) {
      records.push(JSON.parse(line) as LogRecord);
    },
  };
  return { logger: pino({ level: 'debug' }, destination), records };
}
