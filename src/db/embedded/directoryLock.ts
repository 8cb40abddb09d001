import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const LOCK_FILE = 'mongod.lock';

/** Directories this thread holds, to tell its own lock from one left by an earlier process. */
const heldHere = new Set<string>();

/**
 * Claims a data directory for this process. A lock left by a process that no longer runs (one
 * killed with SIGKILL, say) is taken over; a lock held by a live process is refused. A lock
 * naming this very process but not held by this thread is stale: a restarted container often
 * gets the same pid again.
 * Known limitation: two threads of one process can therefore both open one directory.
 */
export async function lockDirectory(dir: string): Promise<void> {
  const path = join(dir, LOCK_FILE);
  if (heldHere.has(path)) throw inUse(dir, process.pid);
  try {
    await writeFile(path, String(process.pid), { flag: 'wx' });
    heldHere.add(path);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }

  const holder = Number((await readFile(path, 'utf8')).trim());
  const isOtherLiveProcess = Number.isInteger(holder) && holder > 0 &&
    holder !== process.pid && isRunning(holder);
  if (isOtherLiveProcess) throw inUse(dir, holder);
  await writeFile(path, String(process.pid));
  heldHere.add(path);
}

export async function unlockDirectory(dir: string): Promise<void> {
  const path = join(dir, LOCK_FILE);
  heldHere.delete(path);
  await unlink(path).catch(() => {});
}

function inUse(dir: string, pid: number): Error {
  return new Error(`Data directory "${dir}" is in use by process ${pid}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
