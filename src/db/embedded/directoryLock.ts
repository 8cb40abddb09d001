import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const LOCK_FILE = 'mongod.lock';
/** Two readings of this process's start time differ by clock rounding only. */
const START_TOLERANCE_MS = 1_000;

/**
 * Claims a data directory. The lock file names the process id and the process start time, so a
 * lock is refused while any thread of a live process holds it, and taken over when that process
 * is gone (killed with SIGKILL, say) or when the pid was reused by a new process (a restarted
 * container often gets its old pid back).
 */
export async function lockDirectory(dir: string): Promise<void> {
  const path = join(dir, LOCK_FILE);
  const mine = `${process.pid} ${processStartMs()}`;
  try {
    await writeFile(path, mine, { flag: 'wx' });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }

  const [pid, startMs] = (await readFile(path, 'utf8')).trim().split(' ').map(Number);
  if (isHeld(pid, startMs)) {
    throw new Error(`Data directory "${dir}" is in use by process ${pid}`);
  }
  await writeFile(path, mine);
}

export async function unlockDirectory(dir: string): Promise<void> {
  await unlink(join(dir, LOCK_FILE)).catch(() => {});
}

function isHeld(pid: number | undefined, startMs: number | undefined): boolean {
  if (!Number.isInteger(pid) || (pid as number) <= 0) return false;
  if (pid !== process.pid) return isRunning(pid as number);
  return Math.abs((startMs ?? 0) - processStartMs()) < START_TOLERANCE_MS;
}

/** The same in every thread of this process. */
function processStartMs(): number {
  return Math.round(Date.now() - process.uptime() * 1000);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
