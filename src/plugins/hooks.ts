/**
 * Hook interfaces through which the battle simulator reaches plugins. The simulator owns the
 * context objects; plugins only read them and act through `BattleApi`.
 * See #4: the simulator issue settles the full context shapes.
 */
export interface BattleHooks {
  onBattleStart?(context: unknown): void;
  beforeAction?(context: unknown): void;
  afterAction?(context: unknown): void;
  onHit?(context: unknown): void;
  onDamageTaken?(context: unknown): void;
  onKill?(context: unknown): void;
  onTurnEnd?(context: unknown): void;
}
