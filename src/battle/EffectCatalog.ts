import type { Element } from '../plugins/types.ts';
import type { EventLog } from './EventLog.ts';
import type { BattleContent } from './types.ts';

/** What the simulator needs of an effect plugin. */
export interface EffectDef {
  readonly id: string;
  readonly isHealing: boolean;
  readonly tickShare: number;
  readonly duration: number;
  /** The id's number in the battle's event log. */
  readonly logId: number;
}

/** Resolves effects by id and by element once each, so hits never search the content. */
export class EffectCatalog {
  readonly #content: BattleContent;
  readonly #log: EventLog;
  readonly #byId = new Map<string, EffectDef | null>();
  readonly #dotByElement = new Map<Element, EffectDef | null>();
  readonly #hotByElement = new Map<Element, EffectDef | null>();

  constructor(content: BattleContent, log: EventLog) {
    this.#content = content;
    this.#log = log;
  }

  byId(id: string): EffectDef | null {
    let def = this.#byId.get(id);
    if (def === undefined) {
      def = this.#resolve(id);
      this.#byId.set(id, def);
    }
    return def;
  }

  /** The damage over time a hit of `element` may inflict, if any. */
  dotOf(element: Element): EffectDef | null {
    let def = this.#dotByElement.get(element);
    if (def === undefined) {
      const id = this.#content.damageType(element)?.dotEffectId;
      def = id === undefined ? null : this.byId(id);
      this.#dotByElement.set(element, def);
    }
    return def;
  }

  /** The healing over time a heal of `element` leaves, if any. */
  hotOf(element: Element): EffectDef | null {
    let def = this.#hotByElement.get(element);
    if (def === undefined) {
      const id = this.#content.damageType(element)?.hotEffectId;
      def = id === undefined ? null : this.byId(id);
      this.#hotByElement.set(element, def);
    }
    return def;
  }

  #resolve(id: string): EffectDef | null {
    const plugin = this.#content.effect(id);
    if (plugin === undefined) return null;
    return {
      id,
      isHealing: plugin.polarity === 'healing',
      tickShare: plugin.tickShare,
      duration: Math.max(1, Math.floor(plugin.durationActions)),
      logId: this.#log.intern(id),
    };
  }
}
