import { referencesOf, type PluginRegistry } from './PluginRegistry.ts';
import { checkPlugin } from './pluginSchema.ts';
import type { Plugin } from './types.ts';

/** One imported plugin module: its path and its default export. */
export interface ImportedModule {
  path: string;
  exported: unknown;
}

/** A module whose every plugin passed, ready to register. */
export interface AdmittedModule {
  path: string;
  plugins: Plugin[];
}

/** A module left out as a whole, with the reason logged for the operator. */
export interface RefusedModule {
  path: string;
  reason: string;
}

/**
 * Decides which imported modules may join the registry, each as a whole: its export must be a
 * valid plugin or list of plugins, its ids new (an earlier file in name order wins a tie), and
 * every passive or effect it names must exist in the registry or in another admitted module,
 * so modules may depend on each other in any order. Registers nothing.
 */
export function admitModules(
  registry: PluginRegistry,
  modules: readonly ImportedModule[],
): { admitted: AdmittedModule[]; refused: RefusedModule[] } {
  const refused: RefusedModule[] = [];
  const valid: AdmittedModule[] = [];
  for (const module of modules) {
    const parsed = parseModule(module);
    if ('reason' in parsed) refused.push(parsed);
    else valid.push(parsed);
  }

  const unique = dropConflicts(registry, valid, refused);
  const admitted = dropDangling(registry, unique, refused);
  return { admitted, refused };
}

function parseModule({ path, exported }: ImportedModule): AdmittedModule | RefusedModule {
  const candidates: unknown[] = Array.isArray(exported) ? exported : [exported];
  if (exported === undefined || candidates.length === 0) {
    return { path, reason: 'Plugin module has no default export of a plugin or plugin list' };
  }
  const plugins: Plugin[] = [];
  for (const [index, candidate] of candidates.entries()) {
    const checked = checkPlugin(candidate);
    if (!checked.ok) return { path, reason: `Plugin ${index} is invalid: ${checked.reason}` };
    plugins.push(checked.plugin);
  }
  return { path, plugins };
}

function dropConflicts(
  registry: PluginRegistry,
  modules: readonly AdmittedModule[],
  refused: RefusedModule[],
): AdmittedModule[] {
  const owners = new Map<string, string>();
  const kept: AdmittedModule[] = [];
  for (const module of modules) {
    const reason = findClash(registry, module, owners);
    if (reason) {
      refused.push({ path: module.path, reason });
      continue;
    }
    for (const key of claimsOf(module.plugins)) owners.set(key, module.path);
    kept.push(module);
  }
  return kept;
}

/** Keys a module claims: each kind and id, and each element a damage type takes over. */
function claimsOf(plugins: readonly Plugin[]): string[] {
  return plugins.flatMap((plugin) => {
    const keys = [`${plugin.kind}/${plugin.id}`];
    if (plugin.kind === 'damageType') keys.push(`element/${plugin.element}`);
    return keys;
  });
}

function findClash(
  registry: PluginRegistry,
  module: AdmittedModule,
  owners: ReadonlyMap<string, string>,
): string | undefined {
  const own = new Set<string>();
  for (const plugin of module.plugins) {
    const key = keyOf(plugin);
    const owner = registry.sourceOf(plugin.kind, plugin.id) ?? owners.get(key);
    if (owner || own.has(key)) {
      const from = owner ?? 'the same module';
      return `Plugin "${plugin.id}" of kind "${plugin.kind}" duplicates the one from "${from}"`;
    }
    own.add(key);
    if (plugin.kind !== 'damageType') continue;

    const claim = `element/${plugin.element}`;
    const claimant = owners.get(claim) ?? (own.has(claim) ? 'the same module' : undefined);
    if (claimant) {
      return `Damage type "${plugin.id}" takes over element "${plugin.element}", which ` +
        `"${claimant}" already took over`;
    }
    own.add(claim);
  }
  return undefined;
}

/** Refuses modules naming missing content until every remaining reference resolves. */
function dropDangling(
  registry: PluginRegistry,
  modules: readonly AdmittedModule[],
  refused: RefusedModule[],
): AdmittedModule[] {
  let kept = [...modules];
  for (;;) {
    const offered = new Set(kept.flatMap((module) => module.plugins.map(keyOf)));
    const failing = kept
      .map((module) => ({ module, missing: missingIn(registry, module, offered) }))
      .filter(({ missing }) => missing !== undefined);
    if (failing.length === 0) return kept;
    for (const { module, missing } of failing) {
      refused.push({ path: module.path, reason: missing as string });
    }
    kept = kept.filter((module) => !failing.some((failure) => failure.module === module));
  }
}

function missingIn(
  registry: PluginRegistry,
  module: AdmittedModule,
  offered: ReadonlySet<string>,
): string | undefined {
  for (const plugin of module.plugins) {
    const missing = referencesOf(plugin)
      .filter((ref) => !registry.has(ref.kind, ref.id) && !offered.has(keyOf(ref)))
      .map((ref) => `${ref.kind} "${ref.id}"`);
    if (missing.length > 0) {
      return `Plugin "${plugin.id}" of kind "${plugin.kind}" names unknown ${missing.join(', ')}`;
    }
  }
  return undefined;
}

function keyOf(item: { kind: string; id: string }): string {
  return `${item.kind}/${item.id}`;
}
