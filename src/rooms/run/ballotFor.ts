import { SHOP } from '../../core/balance/runs.ts';
import type { RunRecord } from '../../services/run/RunRecord.ts';
import * as rules from '../../services/run/RunRules.ts';
import type { RunCommand } from './messages.ts';

/** A member's vote: its topic, their choice, and what a timed-out vote falls back to. */
export interface Ballot {
  topic: string;
  choice: string;
  fallback?: string;
}

/** Commands carried out at once for the acting member rather than put to a vote. */
export type DirectCommand = Extract<RunCommand, 'invite' | 'abandon'>;

/** Commands the members vote on. */
export type VotedCommand = Exclude<RunCommand, DirectCommand>;

/** Tells whether a command is carried out at once rather than put to a vote. */
export function isDirectCommand(command: RunCommand): command is DirectCommand {
  return command === 'invite' || command === 'abandon';
}

/**
 * Checks a voted command against the rules and returns the ballot it casts.
 * @throws WRONG_PHASE, CHOICE_PENDING, NOT_OFFERED, NOT_ENOUGH_GOLD.
 */
export function ballotFor(run: RunRecord, command: VotedCommand, payload: unknown): Ballot {
  const fields = (payload ?? {}) as Record<string, unknown>;
  switch (command) {
    case 'advance':
      rules.requirePhase(run, command, 'map', 'shop');
      return { topic: 'advance', choice: 'yes' };
    case 'pickCard':
      rules.requireOffered(run, command, 'card', String(fields.cardId));
      return { topic: 'card', choice: String(fields.cardId), fallback: firstOffer(run) };
    case 'pickRelic':
      rules.requireOffered(run, command, 'relic', String(fields.relicId));
      return { topic: 'relic', choice: String(fields.relicId), fallback: firstOffer(run) };
    case 'collectLoot':
      rules.requireStage(run, command, 'loot');
      return { topic: 'loot', choice: 'yes' };
    case 'buy':
      rules.requirePurchasable(run, String(fields.itemId));
      return { topic: 'buy', choice: String(fields.itemId) };
    case 'reroll':
      rules.requirePhase(run, command, 'shop');
      rules.requireGold(run, command, SHOP.rerollCost);
      return { topic: 'reroll', choice: 'yes' };
    case 'setSpeed':
      return { topic: 'speed', choice: String(fields.speed) };
    case 'skipBattle':
      rules.requirePhase(run, command, 'battle');
      return { topic: 'skip', choice: 'yes' };
  }
}

function firstOffer(run: RunRecord): string | undefined {
  return run.pendingReward?.options[0];
}
