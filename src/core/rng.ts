import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

export const MAX_SEED = 0xffff_ffff;

/**
 * A seeded generator (xoroshiro128+ from pure-rand). The only source of randomness in the
 * simulator, the map generator and gacha, so every outcome replays from its seed.
 */
export class SeededRng {
  #generator: JumpableRandomGenerator;

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
      throw new RangeError(`Seed must be an unsigned 32-bit integer, got ${seed}`);
    }
    this.#generator = xoroshiro128plusFromState(expandSeed(seed));
  }

  static fromState(state: readonly number[]): SeededRng {
    const rng = new SeededRng(0);
    rng.#generator = xoroshiro128plusFromState(state);
    return rng;
  }

  /** A float in [0, 1). */
  float(): number {
    return uniformFloat64(this.#generator);
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return uniformInt(this.#generator, min, max);
  }

  /** True with probability `p` (p ≤ 0 never, p ≥ 1 always). */
  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Cannot pick from an empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  /** A new unsigned 32-bit seed, for deriving independent generators. */
  seed(): number {
    return this.int(0, MAX_SEED);
  }

  state(): readonly number[] {
    return this.#generator.getState();
  }
}

/** Mixes a seed with a label into a new seed (FNV-1a), for derived streams like floor maps. */
export function deriveSeed(seed: number, label: string | number): number {
  let hash = 0x811c9dc5 ^ seed;
  const text = String(label);
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Expands a 32-bit seed into the generator's four state words with splitmix32, because
 * pure-rand's own seeding leaves most state bits fixed and the first outputs correlated.
 */
function expandSeed(seed: number): number[] {
  let x = seed >>> 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    words.push((z ^ (z >>> 16)) | 0);
  }
  return words;
}
