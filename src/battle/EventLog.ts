import { createHash } from 'node:crypto';
import { ELEMENTS, type Element } from '../plugins/types.ts';
import {
  ACTION_KINDS,
  DAMAGE_CAUSES,
  END_REASONS,
  HEAL_CAUSES,
  OUTCOMES,
  type ActionKind,
  type BattleEvent,
  type BattleEventType,
  type DamageCause,
  type EndReason,
  type HealCause,
  type Outcome,
} from './types.ts';

/** A field is a number, a boolean, an interned string, or a code into a list of names. */
type FieldKind = 'number' | 'boolean' | 'string' | readonly string[];
type Schema = ReadonlyArray<readonly [name: string, kind: FieldKind]>;

const N = 'number';

/** Field order of each event type; it is also the order of its slots in the log. */
const SCHEMAS = {
  acted: [['actor', N], ['kind', ACTION_KINDS], ['target', N]],
  ultimateUsed: [['actor', N], ['element', ELEMENTS]],
  dodged: [['source', N], ['target', N]],
  damaged: [
    ['source', N],
    ['target', N],
    ['amount', N],
    ['absorbed', N],
    ['hp', N],
    ['isCrit', 'boolean'],
    ['cause', DAMAGE_CAUSES],
  ],
  healed: [['source', N], ['target', N], ['amount', N], ['hp', N], ['cause', HEAL_CAUSES]],
  shielded: [['target', N], ['amount', N], ['shield', N]],
  effectApplied: [
    ['source', N],
    ['target', N],
    ['effectId', 'string'],
    ['stacks', N],
    ['perTick', N],
  ],
  effectResisted: [['source', N], ['target', N], ['effectId', 'string']],
  effectTicked: [['target', N], ['effectId', 'string'], ['stacks', N], ['amount', N], ['hp', N]],
  effectExpired: [['target', N], ['effectId', 'string'], ['stacks', N]],
  slowed: [['target', N], ['gauge', N]],
  drained: [['source', N], ['target', N], ['amount', N], ['hp', N]],
  died: [['target', N], ['killer', N]],
  enraged: [['stacks', N]],
  battleEnded: [['outcome', OUTCOMES], ['actions', N], ['reason', END_REASONS]],
} as const satisfies Record<BattleEventType, Schema>;

const TYPES = Object.keys(SCHEMAS) as BattleEventType[];
const TYPE_SCHEMAS: Schema[] = TYPES.map((type) => SCHEMAS[type]);
const codes = <T extends string>(names: readonly T[]) =>
  Object.fromEntries(names.map((name, i) => [name, i])) as Record<T, number>;
/** Type codes by name; rare enum fields are coded by `indexOf` on their short, constant lists. */
const TYPE = codes(TYPES);

/**
 * Codes of the enum fields written on every action, as comparisons rather than `indexOf`, so
 * that a call site's constant folds to a number once inlined. They follow the lists' order
 * (checked by test/battle/EventLog.test.ts).
 */
export function actionCode(kind: ActionKind): number {
  return kind === 'attack' ? 0 : kind === 'ultimate' ? 1 : 2;
}

export function damageCode(cause: DamageCause): number {
  if (cause === 'hit') return 0;
  return cause === 'splash' ? 1 : cause === 'detonate' ? 2 : 3;
}

export function healCode(cause: HealCause): number {
  if (cause === 'regain') return 0;
  return cause === 'light' ? 1 : cause === 'ultimate' ? 2 : 3;
}

/** Slots per event: the type code, then up to seven fields. */
export const EVENT_SLOTS = 8;
/** Events per chunk of the log: a typical 5 v 5 battle (about 1000 events) fills four. */
const CHUNK_EVENTS = 256;
const CHUNK_SLOTS = CHUNK_EVENTS * EVENT_SLOTS;
/**
 * Chunks of released logs, reused without zeroing: every record is written whole, and only
 * records written by the current owner are ever read. Bounded, so it holds at most 4 MB.
 */
const spareChunks: Float64Array[] = [];
const MAX_SPARE_CHUNKS = 256;
/** Where a released log's stray writes go: a typed array ignores writes past its end. */
const NOWHERE = new Float64Array(0);

function takeChunk(): Float64Array {
  return spareChunks.pop() ?? new Float64Array(CHUNK_SLOTS);
}

/**
 * The event log, kept as fixed-size float64 records in typed-array chunks of 256 events, so a
 * battle allocates no object per event and growing never copies; objects are decoded only when
 * asked for (a room's `step()`). Measured on the 5 v 5 bench, one typed array beat arrays of
 * doubles, and chunks beat one array doubled when full (see docs/BATTLE.md).
 * Its canonical encoding is the records' bytes (little-endian) followed by the interned
 * strings, one per line, in order of first use.
 */
export class EventLog {
  #chunks: Float64Array[] = [takeChunk()];
  #chunk = this.#chunks[0] as Float64Array;
  /** Next free slot in `#chunk`. */
  #offset = 0;
  #length = 0;
  #isReleased = false;
  readonly #strings: string[] = [];
  readonly #stringIds = new Map<string, number>();
  readonly #decoded: BattleEvent[] = [];

  get length(): number {
    return this.#length;
  }

  acted(actor: number, kind: ActionKind, target: number): void {
    this.#push(TYPE.acted, actor, actionCode(kind), target, 0, 0, 0, 0);
  }

  ultimateUsed(actor: number, element: Element): void {
    this.#push(TYPE.ultimateUsed, actor, ELEMENTS.indexOf(element), 0, 0, 0, 0, 0);
  }

  dodged(source: number, target: number): void {
    this.#push(TYPE.dodged, source, target, 0, 0, 0, 0, 0);
  }

  damaged(
    source: number,
    target: number,
    amount: number,
    absorbed: number,
    hp: number,
    isCrit: boolean,
    cause: DamageCause,
  ): void {
    const crit = isCrit ? 1 : 0;
    this.#push(TYPE.damaged, source, target, amount, absorbed, hp, crit, damageCode(cause));
  }

  healed(source: number, target: number, amount: number, hp: number, cause: HealCause): void {
    this.#push(TYPE.healed, source, target, amount, hp, healCode(cause), 0, 0);
  }

  shielded(target: number, amount: number, shield: number): void {
    this.#push(TYPE.shielded, target, amount, shield, 0, 0, 0, 0);
  }

  /** Effect events take the effect id as interned by `intern`. */
  effectApplied(source: number, target: number, effect: number, stacks: number, perTick: number) {
    this.#push(TYPE.effectApplied, source, target, effect, stacks, perTick, 0, 0);
  }

  effectResisted(source: number, target: number, effect: number): void {
    this.#push(TYPE.effectResisted, source, target, effect, 0, 0, 0, 0);
  }

  effectTicked(target: number, effect: number, stacks: number, amount: number, hp: number) {
    this.#push(TYPE.effectTicked, target, effect, stacks, amount, hp, 0, 0);
  }

  effectExpired(target: number, effect: number, stacks: number): void {
    this.#push(TYPE.effectExpired, target, effect, stacks, 0, 0, 0, 0);
  }

  slowed(target: number, gauge: number): void {
    this.#push(TYPE.slowed, target, gauge, 0, 0, 0, 0, 0);
  }

  drained(source: number, target: number, amount: number, hp: number): void {
    this.#push(TYPE.drained, source, target, amount, hp, 0, 0, 0);
  }

  died(target: number, killer: number): void {
    this.#push(TYPE.died, target, killer, 0, 0, 0, 0, 0);
  }

  enraged(stacks: number): void {
    this.#push(TYPE.enraged, stacks, 0, 0, 0, 0, 0, 0);
  }

  battleEnded(outcome: Outcome, actions: number, reason: EndReason): void {
    const code = OUTCOMES.indexOf(outcome);
    this.#push(TYPE.battleEnded, code, actions, END_REASONS.indexOf(reason), 0, 0, 0, 0);
  }

  /**
   * Gives the chunks back for later logs to reuse. Reading the log afterwards throws; writes
   * go nowhere, so no chunk is ever shared with its next owner.
   */
  release(): void {
    if (this.#isReleased) return;
    this.#isReleased = true;
    for (const chunk of this.#chunks) {
      if (spareChunks.length < MAX_SPARE_CHUNKS) spareChunks.push(chunk);
    }
    this.#chunks = [];
    this.#chunk = NOWHERE;
    this.#offset = 0;
  }

  #assertHeld(): void {
    if (this.#isReleased) throw new RangeError('Event log was released');
  }

  /** Decoded events `from` (included) to `to` (excluded); decoded objects are cached. */
  slice(from: number, to: number = this.#length): BattleEvent[] {
    const events: BattleEvent[] = [];
    for (let i = from; i < to; i++) events.push(this.at(i));
    return events;
  }

  at(index: number): BattleEvent {
    this.#assertHeld();
    while (this.#decoded.length <= index) this.#decoded.push(this.#decode(this.#decoded.length));
    return this.#decoded[index] as BattleEvent;
  }

  /**
   * SHA-256 (hex) of the canonical binary encoding.
   * Known limitation: the bytes are the platform's float64 layout, little-endian on every
   * platform Node supports today; a big-endian host would need a DataView encoding.
   */
  hash(): string {
    this.#assertHeld();
    const hash = createHash('sha256');
    let left = this.#length * EVENT_SLOTS * 8;
    for (const chunk of this.#chunks) {
      const bytes = Math.min(left, chunk.byteLength);
      hash.update(new Uint8Array(chunk.buffer, 0, bytes));
      left -= bytes;
    }
    return hash.update(this.#strings.join('\n')).digest('hex');
  }

  #push(type: number, a: number, b: number, c: number, d: number, e: number, f: number, g: number) {
    let offset = this.#offset;
    if (offset === CHUNK_SLOTS) {
      this.#chunk = takeChunk();
      this.#chunks.push(this.#chunk);
      offset = 0;
    }
    const data = this.#chunk;
    data[offset] = type;
    data[offset + 1] = a;
    data[offset + 2] = b;
    data[offset + 3] = c;
    data[offset + 4] = d;
    data[offset + 5] = e;
    data[offset + 6] = f;
    data[offset + 7] = g;
    this.#offset = offset + EVENT_SLOTS;
    this.#length++;
  }

  /** The string's number in this log, assigned in order of first use. */
  intern(text: string): number {
    let id = this.#stringIds.get(text);
    if (id === undefined) {
      id = this.#strings.length;
      this.#strings.push(text);
      this.#stringIds.set(text, id);
    }
    return id;
  }

  #decode(index: number): BattleEvent {
    const data = this.#chunks[Math.floor(index / CHUNK_EVENTS)] as Float64Array;
    const offset = (index % CHUNK_EVENTS) * EVENT_SLOTS;
    const code = data[offset] as number;
    const event: Record<string, unknown> = { type: TYPES[code] };
    const schema = TYPE_SCHEMAS[code] as Schema;
    for (let i = 0; i < schema.length; i++) {
      const [name, kind] = schema[i] as Schema[number];
      const value = data[offset + 1 + i] as number;
      if (kind === 'number') event[name] = value;
      else if (kind === 'boolean') event[name] = value === 1;
      else if (kind === 'string') event[name] = this.#strings[value];
      else event[name] = kind[value];
    }
    return event as BattleEvent;
  }
}
