import type { BattleSim } from './BattleSim.ts';
import type { Fighter } from './Fighter.ts';

/**
 * Ticks the actor's effects at the start of its action: healing first, then damage, then the
 * stacks whose last tick this was expire. A fighter killed by a tick loses its other effects.
 */
export function tickEffects(sim: BattleSim, fighter: Fighter): void {
  for (const track of fighter.effects) {
    if (!track.isHealing || track.stacks === 0) continue;
    const wanted = Math.floor(track.perTick * sim.healingFactor);
    const gained = Math.max(0, Math.min(fighter.maxHp - fighter.hp, wanted));
    fighter.hp += gained;
    sim.record.effectTicked(fighter.index, track.logId, track.stacks, gained, fighter.hp);
  }

  for (const track of fighter.effects) {
    if (track.isHealing || track.stacks === 0 || !fighter.isAlive) continue;
    const lost = sim.absorb(fighter, track.perTick);
    sim.record.effectTicked(fighter.index, track.logId, track.stacks, lost, fighter.hp);
    const source = track.sourceIndex < 0 ? null : (sim.fighters[track.sourceIndex] ?? null);
    sim.afterLoss(source, fighter, lost);
  }

  if (!fighter.isAlive) return;
  for (const track of fighter.effects) {
    const expired = track.expire(fighter.actionCount);
    if (expired === 0) continue;
    fighter.effectStacks -= expired;
    sim.record.effectExpired(fighter.index, track.logId, expired);
  }
}
