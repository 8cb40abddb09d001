import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from '../core/logger.ts';
import { BUILTIN_PLUGINS } from './builtins/builtinPlugins.ts';
import { PluginRegistry } from './PluginRegistry.ts';
import { admitModules } from './admitModules.ts';

/** A module that takes longer than this to import is skipped, so start-up cannot hang. */
export const PLUGIN_IMPORT_TIMEOUT_MS = 5_000;

const MODULE_PATTERN = /\.(?:[cm]?js|[cm]?ts)$/;
const SKIPPED_PATTERN = /\.d\.[cm]?ts$|\.test\.[cm]?[jt]s$/;

/** A module or folder that was skipped, and why. */
export interface PluginLoadFailure {
  path: string;
  reason: string;
}

/** What `loadPlugins` reads from: the folder (usually `PLUGINS_DIR`) and the logger. */
export interface LoadPluginsOptions {
  /** Folder whose top-level modules each export one plugin or an array of them. */
  pluginsDir?: string;
  logger: Logger;
  importTimeoutMs?: number;
}

/** The registry every later service reads, and what had to be skipped. */
export interface LoadedPlugins {
  registry: PluginRegistry;
  failures: PluginLoadFailure[];
}

type Imported = { path: string; ok: true; exported: unknown } | PluginLoadFailure & { ok: false };

/**
 * Registers the built-in catalogue, then imports every plugin module in `pluginsDir` in
 * parallel. A module that fails to import, exports an invalid plugin, names a missing passive or
 * effect, or repeats a registered id is logged with its reason and skipped as a whole; the rest
 * are registered. Never throws for a bad plugin.
 */
export async function loadPlugins(options: LoadPluginsOptions): Promise<LoadedPlugins> {
  const log = options.logger.child({ module: 'plugins' });
  const registry = new PluginRegistry(BUILTIN_PLUGINS);
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

  const loaded = imported.filter((result) => result.ok);
  const { admitted, refused } = admitModules(registry, loaded);
  for (const module of admitted) {
    for (const plugin of module.plugins) registry.register(plugin, module.path);
    const ids = module.plugins.map((plugin) => `${plugin.kind}/${plugin.id}`);
    log.info({ path: module.path, plugins: ids }, 'plugin registered');
  }

  const failures = [...imported.filter((result) => !result.ok), ...refused]
    .map(({ path, reason }) => ({ path, reason }))
    .sort((a, b) => a.path.localeCompare(b.path));
  for (const failure of failures) log.warn(failure, 'plugin skipped');
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

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
