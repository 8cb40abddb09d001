import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const LOCK_FILE = 'mongod.lock';

/**
 * Claims a data directory for this process. A lock left by a process that no longer runs (one
 * killed with SIGKILL, say) is taken over; a lock held by a live process is refused.
 */
export async function lockDirectory(dir: string): Promise<void> {
  const path = join(dir, LOCK_FILE);
  try {
    await writeFile(path, String(process.pid), { flag: 'wx' });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }

  const holder = Number((await readFile(path, 'utf8')).trim());
  if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
    throw new Error(`Data directory "${dir}" is in use by process ${holder}`);
  }
  await writeFile(path, String(process.pid));
}

export async function unlockDirectory(dir: string): Promise<void> {
  await unlink(join(dir, LOCK_FILE)).catch(() => {});
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
