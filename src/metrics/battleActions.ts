/**
 * Battle actions applied by this process's rooms. A plain number keeps the per-action cost to
 * one addition; `ServerMetrics` reads it when scraped. It counts facts about the process, not
 * game data, so it is safe to share between rooms (DESIGN.md §8).
 */
let actionsApplied = 0;

/** Adds applied battle actions (one per paced step, or a whole skipped remainder). */
export function countBattleActions(count: number): void {
  actionsApplied += count;
}

/** Battle actions applied since the process started. */
export function battleActionsApplied(): number {
  return actionsApplied;
}
