import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const START_DEADLINE_MS = 20_000;

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Every log line the server printed, parsed. */
  logs: Array<Record<string, unknown>>;
  /** Sends a signal and resolves with the exit code (or signal name) once the process is gone. */
  kill(signal: NodeJS.Signals): Promise<number | string>;
}

/**
 * Runs `src/main.ts` as its own process on 127.0.0.1 and an ephemeral port, as `npm start` would,
 * and resolves once it logs "listening".
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  const logs: Array<Record<string, unknown>> = [];
  const port = await new Promise<number>((resolve, reject) => {
    const timeout = () => reject(new Error('Server did not start in time'));
    const timer = setTimeout(timeout, START_DEADLINE_MS);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Server exited before listening (${code})`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = parseLine(line);
      logs.push(entry);
      if (entry.msg === 'listening') {
        clearTimeout(timer);
        resolve(Number(entry.port));
      }
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    logs,
    kill: (signal) => {
      child.kill(signal);
      return exited;
    },
  };
}

function parseLine(line: string): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return { msg: line };
  }
}

export interface ServerProcesses {
  /** A fresh data folder, removed after the test file. */
  dataDir(): Promise<string>;
  /** Starts a server process on `dataDir`; it is killed after the test file if still running. */
  start(dataDir: string): Promise<ServerProcess>;
}

/**
 * Server processes and data folders for one test file, all given `env`; an `after` hook kills
 * the processes and removes the folders.
 */
export function useServerProcesses(env: Record<string, string> = {}): ServerProcesses {
  const servers: ServerProcess[] = [];
  const folders: string[] = [];
  after(async () => {
    await Promise.all(servers.map((server) => server.kill('SIGKILL')));
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });
  return {
    dataDir: async () => {
      const folder = await mkdtemp(join(tmpdir(), 'fray-server-'));
      folders.push(folder);
      return folder;
    },
    start: async (dataDir) => {
      const server = await startServerProcess({ ...env, DATA_DIR: dataDir });
      servers.push(server);
      return server;
    },
  };
}
