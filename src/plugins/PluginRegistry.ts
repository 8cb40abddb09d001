import { ERROR_CODES, GameError } from '../core/errors.ts';
import { checkPlugin } from './pluginSchema.ts';
import { PLUGIN_KINDS, type Plugin, type PluginKind, type PluginOfKind } from './types.ts';

/** The `source` of every built-in plugin, as errors and `sourceOf` name it. */
export const BUILTIN_SOURCE = 'builtin';

/** A plugin as `GET /api/catalog` shows it: data only, hooks reduced to their names. */
export type CatalogEntry = Record<string, unknown> & {
  id: string;
  name: string;
  isBuiltin: boolean;
};
/** The whole catalogue as `GET /api/catalog` serves it, one list per kind. */
export type Catalog = Record<PluginKind, CatalogEntry[]>;

/** One plugin naming another, such as a character's passive. */
export interface PluginRef {
  kind: PluginKind;
  id: string;
}

interface Entry {
  plugin: Plugin;
  source: string;
}

/**
 * Every loaded plugin, indexed by kind and id. Definitions are validated and frozen on the way in,
 * so nothing can change content after start-up.
 */
export class PluginRegistry {
  #byKind = new Map<PluginKind, Map<string, Entry>>(
    PLUGIN_KINDS.map((kind) => [kind, new Map<string, Entry>()]),
  );

  /**
   * @param trusted Definitions added without the schema check (duplicates are still refused):
   * the built-in catalogue, which the type checker and a test hold to the same schemas, so
   * start-up does not pay for validating it again.
   * @throws GameError CONFLICT when two trusted definitions share a kind and id.
   */
  constructor(trusted: readonly Plugin[] = []) {
    for (const plugin of trusted) this.#add(plugin, BUILTIN_SOURCE);
  }

  /**
   * Validates and adds a plugin.
   * @param source Where it came from (a file path, or `builtin`), named in error messages.
   * @throws GameError INVALID_PLUGIN when the definition does not match its kind's schema.
   * @throws GameError CONFLICT when the kind already has a plugin with that id.
   */
  register(plugin: Plugin, source: string = BUILTIN_SOURCE): void {
    const checked = checkPlugin(plugin);
    if (!checked.ok) {
      const label = describePlugin(plugin);
      throw new GameError(
        ERROR_CODES.INVALID_PLUGIN,
        `Plugin ${label} from "${source}" is invalid: ${checked.reason}`,
      );
    }
    this.#add(checked.plugin, source);
  }

  /** True when a plugin of that kind and id is registered. */
  has(kind: PluginKind, id: string): boolean {
    return this.#kindMap(kind).has(id);
  }

  /**
   * Returns the plugin of that kind and id.
   * @throws GameError NOT_FOUND naming the kind and the id.
   */
  get<K extends PluginKind>(kind: K, id: string): PluginOfKind<K> {
    const plugin = this.find(kind, id);
    if (!plugin) {
      throw new GameError(ERROR_CODES.NOT_FOUND, `Plugin "${id}" of kind "${kind}" not found`);
    }
    return plugin;
  }

  /** Returns the plugin of that kind and id, or undefined. */
  find<K extends PluginKind>(kind: K, id: string): PluginOfKind<K> | undefined {
    return this.#kindMap(kind).get(id)?.plugin as PluginOfKind<K> | undefined;
  }

  /** Lists the plugins of one kind in registration order. */
  list<K extends PluginKind>(kind: K): Array<PluginOfKind<K>> {
    return [...this.#kindMap(kind).values()].map((entry) => entry.plugin as PluginOfKind<K>);
  }

  /** Returns where a plugin came from (`builtin` or its file path), or undefined. */
  sourceOf(kind: PluginKind, id: string): string | undefined {
    return this.#kindMap(kind).get(id)?.source;
  }

  /** Counts the plugins of every kind. */
  counts(): Record<PluginKind, number> {
    const entries = PLUGIN_KINDS.map((kind) => [kind, this.#kindMap(kind).size] as const);
    return Object.fromEntries(entries) as Record<PluginKind, number>;
  }

  /** Returns the passive or effect ids this plugin names that are not registered. */
  missingReferences(plugin: Plugin): PluginRef[] {
    return referencesOf(plugin).filter((ref) => !this.has(ref.kind, ref.id));
  }

  /** Lists every plugin by kind as JSON-safe data: no functions, no file paths. */
  catalog(): Catalog {
    const entries = PLUGIN_KINDS.map((kind) => {
      const list = [...this.#kindMap(kind).values()].map(toCatalogEntry);
      return [kind, list] as const;
    });
    return Object.fromEntries(entries) as Catalog;
  }

  #add(plugin: Plugin, source: string): void {
    const { kind, id } = plugin;
    const existing = this.#kindMap(kind).get(id);
    if (existing) {
      throw new GameError(
        ERROR_CODES.CONFLICT,
        `Plugin "${id}" of kind "${kind}" from "${source}" duplicates the one from ` +
          `"${existing.source}"`,
      );
    }
    this.#kindMap(kind).set(id, { plugin: deepFreeze(plugin), source });
  }

  #kindMap(kind: PluginKind): Map<string, Entry> {
    const map = this.#byKind.get(kind);
    if (!map) throw new TypeError(`Unknown plugin kind ${JSON.stringify(kind)}`);
    return map;
  }
}

/** Lists the plugins a definition depends on: a passive, or a damage type's effects. */
export function referencesOf(plugin: Plugin): PluginRef[] {
  if (plugin.kind === 'character' || plugin.kind === 'foe') {
    return plugin.passiveId ? [{ kind: 'passive', id: plugin.passiveId }] : [];
  }
  if (plugin.kind !== 'damageType') return [];
  const ids = [plugin.dotEffectId, plugin.hotEffectId].filter((id) => id !== undefined);
  return ids.map((id) => ({ kind: 'effect', id }));
}

function toCatalogEntry({ plugin, source }: Entry): CatalogEntry {
  const { hooks, ...data } = plugin as Plugin & { hooks?: Record<string, unknown> };
  const entry: CatalogEntry = { ...structuredClone(data), isBuiltin: source === BUILTIN_SOURCE };
  if (hooks) entry.hooks = Object.keys(hooks);
  return entry;
}

function describePlugin(value: unknown): string {
  const { kind, id } = (value ?? {}) as { kind?: unknown; id?: unknown };
  const shownId = typeof id === 'string' ? `"${id}"` : '(without an id)';
  return typeof kind === 'string' ? `${shownId} of kind "${kind}"` : shownId;
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
