import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/**
 * Calls that block the event loop: every `...Sync(` of fs, crypto, zlib and child_process, and a
 * blocking Atomics wait. The non-blocking crypto draws (randomBytes, randomInt, randomUUID of a
 * few bytes) and HMAC or hash digests of short strings stay allowed.
 */
const BLOCKING_CALL = /\b(\w+Sync|Atomics\.wait)\s*\(/g;

/** Files that may block because they run only before the server listens. */
const START_UP_ONLY: Record<string, string> = {};

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function blockingCalls(text: string): string[] {
  const lines = withoutComments(text).split('\n');
  return lines.flatMap((line, index) =>
    [...line.matchAll(BLOCKING_CALL)].map((match) => `line ${index + 1}: ${match[1]}(`),
  );
}

describe('Source of src/', () => {
  it('makes no blocking file-system, crypto or process call outside start-up files', async () => {
    const files = await sourceFiles(SRC);
    const offences: string[] = [];

    for (const file of files) {
      const path = relative(SRC, file);
      if (START_UP_ONLY[path]) continue;
      const calls = blockingCalls(await readFile(file, 'utf8'));
      offences.push(...calls.map((call) => `src/${path} ${call}`));
    }

    assert.ok(files.length > 50, `only ${files.length} source files found under ${SRC}`);
    assert.deepEqual(offences, []);
  });

  it('lists only existing files as start-up exceptions, each with a reason', async () => {
    const files = new Set((await sourceFiles(SRC)).map((file) => relative(SRC, file)));

    const stale = Object.keys(START_UP_ONLY).filter((path) => !files.has(path));

    assert.deepEqual(stale, []);
    assert.ok(Object.values(START_UP_ONLY).every((reason) => reason.length > 10));
  });

  it('recognises the calls it forbids', () => {
    const sample = 'const a = readFileSync(p);\n// existsSync(p)\nAtomics.wait(view, 0, 0);';

    const calls = blockingCalls(sample);

    assert.deepEqual(calls, ['line 1: readFileSync(', 'line 3: Atomics.wait(']);
  });
});
