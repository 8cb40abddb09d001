import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from '../core/logger.ts';
import { BUILTIN_PLUGINS } from './builtins/builtinPlugins.ts';
import { PluginRegistry } from './PluginRegistry.ts';
import { checkPlugin } from './pluginSchema.ts';
import type { Plugin } from './types.ts';

/** A module that takes longer than this to import is skipped, so start-up cannot hang. */
export const PLUGIN_IMPORT_TIMEOUT_MS = 5_000;

const MODULE_PATTERN = /\.(?:[cm]?js|[cm]?ts)$/;
const SKIPPED_PATTERN = /\.d\.[cm]?ts$|\.test\.[cm]?[jt]s$/;

export interface PluginLoadFailure {
  path: string;
  reason: string;
}

export interface LoadPluginsOptions {
  /** Folder whose top-level modules each export one plugin or an array of them. */
  pluginsDir?: string;
  logger: Logger;
  importTimeoutMs?: number;
}

export interface LoadedPlugins {
  registry: PluginRegistry;
  failures: PluginLoadFailure[];
}

type Imported = { path: string; ok: true; exported: unknown } | PluginLoadFailure & { ok: false };

/**
 * Registers the built-in catalogue, then imports every plugin module in `pluginsDir` in
 * parallel. A module that fails to import, exports an invalid plugin, names a missing passive or
 * effect, or repeats a registered id is logged with its reason and skipped as a whole.
 */
export async function loadPlugins(options: LoadPluginsOptions): Promise<LoadedPlugins> {
  const log = options.logger.child({ module: 'plugins' });
  const registry = new PluginRegistry();
  for (const plugin of BUILTIN_PLUGINS) registry.register(plugin);
  log.info({ counts: registry.counts() }, 'built-in plugins registered');
  if (!options.pluginsDir) return { registry, failures: [] };

  const dir = resolve(options.pluginsDir);
  const listed = await listModules(dir);
  if (!listed.ok) {
    log.warn({ path: dir, reason: listed.reason }, 'plugin folder skipped');
    return { registry, failures: [{ path: dir, reason: listed.reason }] };
  }
  const timeoutMs = options.importTimeoutMs ?? PLUGIN_IMPORT_TIMEOUT_MS;
  const imported = await Promise.all(listed.paths.map((path) => importModule(path, timeoutMs)));

  // Registration runs in file-name order so a duplicate id always loses to the same file.
  const failures: PluginLoadFailure[] = [];
  for (const result of imported) {
    const failure = result.ok ? registerModule(registry, result.path, result.exported) : result;
    if (failure) {
      failures.push({ path: failure.path, reason: failure.reason });
      log.warn({ path: failure.path, reason: failure.reason }, 'plugin skipped');
      continue;
    }
    log.info({ path: result.path }, 'plugin registered');
  }
  return { registry, failures };
}

async function listModules(
  dir: string,
): Promise<{ ok: true; paths: string[] } | { ok: false; reason: string }> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    const paths = entries
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .filter((name) => MODULE_PATTERN.test(name) && !SKIPPED_PATTERN.test(name))
      .sort()
      .map((name) => join(dir, name));
    return { ok: true, paths };
  } catch (error) {
    return { ok: false, reason: `Plugin folder cannot be read: ${errorText(error)}` };
  }
}

async function importModule(path: string, timeoutMs: number): Promise<Imported> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`import took over ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const module = await Promise.race([import(pathToFileURL(path).href), timeout]);
    return { path, ok: true, exported: (module as { default?: unknown }).default };
  } catch (error) {
    return { path, ok: false, reason: `Plugin module cannot be imported: ${errorText(error)}` };
  } finally {
    clearTimeout(timer);
  }
}

/** Registers all of one module's plugins or none of them; returns the failure, if any. */
function registerModule(
  registry: PluginRegistry,
  path: string,
  exported: unknown,
): PluginLoadFailure | undefined {
  const candidates = Array.isArray(exported) ? exported : [exported];
  if (exported === undefined || candidates.length === 0) {
    return { path, reason: 'Plugin module has no default export of a plugin or plugin list' };
  }
  const plugins: Plugin[] = [];
  for (const [index, candidate] of candidates.entries()) {
    const checked = checkPlugin(candidate);
    if (!checked.ok) return { path, reason: `Plugin ${index} is invalid: ${checked.reason}` };
    plugins.push(checked.plugin);
  }
  const problem = findConflict(registry, plugins);
  if (problem) return { path, reason: problem };

  for (const plugin of plugins) registry.register(plugin, path);
  return undefined;
}

function findConflict(registry: PluginRegistry, plugins: Plugin[]): string | undefined {
  const keys = new Set<string>();
  for (const plugin of plugins) {
    const key = `${plugin.kind}/${plugin.id}`;
    const owner = registry.sourceOf(plugin.kind, plugin.id);
    if (owner || keys.has(key)) {
      return `Plugin "${plugin.id}" of kind "${plugin.kind}" duplicates the one from ` +
        `"${owner ?? 'the same module'}"`;
    }
    keys.add(key);
  }
  for (const plugin of plugins) {
    const missing = registry
      .missingReferences(plugin)
      .filter((ref) => !keys.has(`${ref.kind}/${ref.id}`))
      .map((ref) => `${ref.kind} "${ref.id}"`);
    if (missing.length > 0) {
      return `Plugin "${plugin.id}" of kind "${plugin.kind}" names unknown ${missing.join(', ')}`;
    }
  }
  return undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
