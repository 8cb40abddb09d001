/**
 * All stacks of one effect on one combatant, aggregated so a tick costs O(1) however many
 * stacks there are. Stacks applied while the victim's action count is `a` tick on its actions
 * a+1 … a+duration and expire after the last; they share bucket `a mod duration`.
 */
export class EffectTrack {
  readonly effectId: string;
  /** The id's number in the battle's event log. */
  readonly logId: number;
  readonly isHealing: boolean;
  readonly duration: number;
  /** Index of the combatant that last applied a stack: credited with a kill by this effect. */
  sourceIndex = -1;
  perTick = 0;
  stacks = 0;
  readonly #bucketAmount: number[];
  readonly #bucketStacks: number[];

  constructor(effectId: string, logId: number, isHealing: boolean, duration: number) {
    this.effectId = effectId;
    this.logId = logId;
    this.isHealing = isHealing;
    this.duration = duration;
    this.#bucketAmount = zeros(duration);
    this.#bucketStacks = zeros(duration);
  }

  add(perTick: number, stacks: number, victimActions: number, sourceIndex: number): void {
    const bucket = victimActions % this.duration;
    const amount = perTick * stacks;
    this.#bucketAmount[bucket] = (this.#bucketAmount[bucket] as number) + amount;
    this.#bucketStacks[bucket] = (this.#bucketStacks[bucket] as number) + stacks;
    this.perTick += amount;
    this.stacks += stacks;
    this.sourceIndex = sourceIndex;
  }

  /** Drops the stacks whose last tick was the victim's action `victimActions`; returns them. */
  expire(victimActions: number): number {
    const bucket = victimActions % this.duration;
    const expired = this.#bucketStacks[bucket] as number;
    if (expired === 0) return 0;
    this.perTick -= this.#bucketAmount[bucket] as number;
    this.stacks -= expired;
    this.#bucketAmount[bucket] = 0;
    this.#bucketStacks[bucket] = 0;
    return expired;
  }

  /** Damage (or healing) still due from every stack, counting each stack's remaining ticks. */
  remaining(victimActions: number): number {
    let total = 0;
    for (let bucket = 0; bucket < this.duration; bucket++) {
      const age = (victimActions - bucket + this.duration * 2) % this.duration;
      total += (this.#bucketAmount[bucket] as number) * (this.duration - age);
    }
    return total;
  }

  clear(): void {
    for (let bucket = 0; bucket < this.duration; bucket++) {
      this.#bucketAmount[bucket] = 0;
      this.#bucketStacks[bucket] = 0;
    }
    this.perTick = 0;
    this.stacks = 0;
  }
}

/** Zeroed buckets; the usual three-action effect gets a literal, the cheapest array to make. */
function zeros(length: number): number[] {
  return length === 3 ? [0, 0, 0] : new Array<number>(length).fill(0);
}
