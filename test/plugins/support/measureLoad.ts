/**
 * Prints, as one JSON line, how long the plugin system takes to come up: importing the built-in
 * catalogue modules, importing the loader (zod and pino included), then `loadPlugins()` with the
 * built-ins and the optional plugins folder given as argv[2]. Run it with `--trace-sync-io` to
 * have Node report synchronous I/O done after the first turn of the event loop.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

// A server has long been running TypeScript when it loads plugins: warm the type stripper up.
await import('../../../src/core/errors.ts');
await nextTurn();

const startMs = performance.now();
const startCpu = process.cpuUsage();
await import('../../../src/plugins/builtins/builtinPlugins.ts');
const catalogueMs = performance.now();
// CPU time is what the import costs this process; wall time also counts other processes' turns.
const catalogueCpu = process.cpuUsage(startCpu);
const { loadPlugins } = await import('../../../src/plugins/loadPlugins.ts');
const { logger } = await import('../../../src/core/logger.ts');
const loaderMs = performance.now();
const { registry, failures } = await loadPlugins({
  pluginsDir: process.argv[2],
  logger: logger.child({}, { level: 'silent' }),
});
const doneMs = performance.now();

const round = (ms: number) => Math.round(ms * 100) / 100;
const figures = {
  catalogueImportMs: round(catalogueMs - startMs),
  catalogueImportCpuMs: round((catalogueCpu.user + catalogueCpu.system) / 1000),
  loaderImportMs: round(loaderMs - catalogueMs),
  loadPluginsMs: round(doneMs - loaderMs),
  counts: registry.counts(),
  failures: failures.length,
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
