import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FOLDERS = ['src', 'test', 'bench', 'scripts', 'loadtest', 'examples'];
const MAX_COLUMNS = 100;
// Built from parts so this file does not flag itself.
const MARKERS = ['TO' + 'DO', 'FIX' + 'ME', 'X' + 'XX', 'HA' + 'CK'];
const BARE_MARKER = new RegExp(`\\b(${MARKERS.join('|')})\\b`);

async function sourceFiles(): Promise<string[]> {
  const files: string[] = [];
  for (const folder of FOLDERS) {
    const entries = await readdir(join(ROOT, folder), { recursive: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.endsWith('.ts') || entry.endsWith('.js')) files.push(join(ROOT, folder, entry));
    }
  }
  return files;
}

async function offendingLines(test: (line: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  for (const file of await sourceFiles()) {
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines.forEach((line, index) => {
      if (test(line)) found.push(`${relative(ROOT, file)}:${index + 1}`);
    });
  }
  return found;
}

describe('house style (STYLE.md §2.1, §2.6)', () => {
  it(`keeps every line within ${MAX_COLUMNS} columns`, async () => {
    assert.deepEqual(await offendingLines((line) => line.length > MAX_COLUMNS), []);
  });

  it('names shortcomings by issue or as a known limitation, never by bare marker', async () => {
    assert.deepEqual(await offendingLines((line) => BARE_MARKER.test(line)), []);
  });
});
