import type { Config } from '../../core/config.ts';
import type { Logger } from '../../core/logger.ts';
import type { BattleContent, CombatantSpec } from '../../battle/types.ts';
import type { PluginRegistry } from '../../plugins/PluginRegistry.ts';
import type { CharacterPlugin } from '../../plugins/types.ts';
import type { PlayerService, PlayerView, RosterEntry } from '../../services/PlayerService.ts';
import type { RunService } from '../../services/RunService.ts';
import type { TokenService } from '../../services/TokenService.ts';

/** Builds a party member's combatant from its owner's roster entry. */
export type CharacterSpecBuilder = (
  entry: RosterEntry,
  character: CharacterPlugin,
  player: PlayerView,
) => CombatantSpec;

/** What the `run` room needs from the rest of the server, injected at start-up. */
export interface RunRoomDeps {
  config: Pick<
    Config,
    | 'BATTLE_PACING_MS'
    | 'VOTE_TIMEOUT_MS'
    | 'RECONNECT_WINDOW_S'
    | 'COMMANDS_PER_S'
    | 'COMMAND_FLOOD_PER_S'
  >;
  logger: Logger;
  tokens: TokenService;
  players: PlayerService;
  runs: RunService;
  registry: PluginRegistry;
  content: BattleContent;
  buildSpec: CharacterSpecBuilder;
}
