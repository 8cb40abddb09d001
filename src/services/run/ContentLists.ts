import type { PluginKind, PluginOfKind } from '../../plugins/types.ts';

/** The part of the plugin registry that run rules read: every plugin of a kind. */
export interface ContentLists {
  list<K extends PluginKind>(kind: K): Array<PluginOfKind<K>>;
}
