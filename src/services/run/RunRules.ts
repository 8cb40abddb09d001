import { GameError } from '../../core/errors.ts';
import { SeededRng, deriveSeed } from '../../core/rng.ts';
import { FLOOR, SHOP } from '../../core/balance/runs.ts';
import type { ContentLists } from './ContentLists.ts';
import { generateFloor, type RoomKind } from './generateFloor.ts';
import { rollCardOffer, rollLoot, rollRelicDrop, rollRelicOffer } from './rollRewards.ts';
import { rollShop } from './rollShop.ts';
import type {
  LootItem,
  PartySlot,
  PendingReward,
  RewardStage,
  RunPhase,
  RunRecord,
  ShopOffer,
} from './RunRecord.ts';

/** The room a successful `advance` entered. */
export interface RoomEntry {
  kind: RoomKind;
  floor: number;
  roomIndex: number;
}

/** What a battle's end changed, for the room to announce and persist. */
export interface BattleResult {
  isVictory: boolean;
  isBoss: boolean;
  foesDefeated: number;
}

export interface CollectedLoot {
  gold: number;
  tickets: number;
  items: LootItem[];
  earnerIds: string[];
}

/** A reproducible generator for one decision of one room, so a resumed run rolls the same. */
export function roomRng(run: RunRecord, purpose: string): SeededRng {
  return new SeededRng(deriveSeed(run.seed, `${run.floor}:${run.roomIndex}:${purpose}`));
}

export function roomKindAt(run: RunRecord): RoomKind {
  return generateFloor(run.seed, run.floor)[run.roomIndex] ?? 'start';
}

/** Refuses a command unless the run is in one of the phases given. */
export function requirePhase(run: RunRecord, command: string, ...phases: RunPhase[]): void {
  if (run.phase === 'reward' && !phases.includes('reward')) {
    const stage = run.pendingReward?.stage;
    throw new GameError(
      'CHOICE_PENDING',
      `Command "${command}" rejected: a ${stage} choice is pending in run "${run.id}"`,
    );
  }
  if (!phases.includes(run.phase)) {
    throw new GameError(
      'WRONG_PHASE',
      `Command "${command}" rejected: run "${run.id}" is in phase "${run.phase}"`,
    );
  }
}

/**
 * Moves the party into the next room: a rest heals at once, a shop opens its stock, a battle
 * room waits for the room to start the battle. After the boss comes the next floor.
 */
export function enterNextRoom(
  run: RunRecord,
  content: ContentLists,
  maxHpOf: (slot: PartySlot) => number,
): RoomEntry {
  requirePhase(run, 'advance', 'map', 'shop');
  if (run.roomIndex >= FLOOR.rooms - 1) {
    run.floor += 1;
    run.roomIndex = 1;
  } else {
    run.roomIndex += 1;
  }
  run.shop = [];
  run.shopRerolls = 0;
  const kind = roomKindAt(run);

  if (kind === 'rest') {
    for (const slot of run.party) slot.hp = maxHpOf(slot);
    run.roomsCleared += 1;
    run.phase = 'map';
  } else if (kind === 'shop') {
    run.shop = rollShop(roomRng(run, 'shop:0'), content, run.cards, run.pressure, 0);
    run.roomsCleared += 1;
    run.phase = 'shop';
  } else {
    run.phase = 'battle';
  }
  return { kind, floor: run.floor, roomIndex: run.roomIndex };
}

/** Settles a finished battle: a defeat ends the run, a victory opens the rewards. */
export function finishBattle(
  run: RunRecord,
  result: BattleResult,
  content: ContentLists,
  earnerIds: string[],
): void {
  if (!result.isVictory) {
    run.phase = 'ended';
    run.status = 'ended';
    run.result = 'defeat';
    return;
  }
  run.roomsCleared += 1;
  const rng = roomRng(run, 'rewards');
  const options = rollCardOffer(rng, content, run.cards, result.isBoss);
  const hasRelicDrop = rollRelicDrop(rng, result.foesDefeated, result.isBoss);
  const loot = rollLoot(rng, result.foesDefeated, run.pressure, result.isBoss);
  run.phase = 'reward';
  run.pendingReward = {
    stage: 'card',
    options,
    hasRelicDrop,
    isAfterBoss: result.isBoss,
    lootGold: loot.gold,
    lootTickets: loot.tickets,
    lootItems: loot.items,
    earnerIds,
  };
  if (options.length === 0) advanceRewardStage(run, content);
}

/** Takes one of the offered cards; the relic choice (if one dropped) or the loot comes next. */
export function pickCard(run: RunRecord, cardId: string, content: ContentLists): void {
  requireOffered(run, 'pickCard', 'card', cardId);
  run.cards.push(cardId);
  advanceRewardStage(run, content);
}

/** Takes one of the offered relics; copies stack. */
export function pickRelic(run: RunRecord, relicId: string, content: ContentLists): void {
  requireOffered(run, 'pickRelic', 'relic', relicId);
  run.relics[relicId] = (run.relics[relicId] ?? 0) + 1;
  advanceRewardStage(run, content);
}

/** Collects the loot: gold for the party, items and tickets for each member who fought. */
export function collectLoot(run: RunRecord): CollectedLoot {
  const pending = requireStage(run, 'collectLoot', 'loot');
  run.gold += pending.lootGold;
  run.pendingReward = null;
  run.phase = 'map';
  return {
    gold: pending.lootGold,
    tickets: pending.lootTickets,
    items: pending.lootItems,
    earnerIds: pending.earnerIds,
  };
}

/**
 * Returns the unsold shop item the party can afford.
 * @throws WRONG_PHASE, CHOICE_PENDING, NOT_OFFERED, NOT_ENOUGH_GOLD.
 */
export function requirePurchasable(run: RunRecord, itemId: string): ShopOffer {
  requirePhase(run, 'buy', 'shop');
  const item = run.shop.find((offer) => offer.itemId === itemId && !offer.isSold);
  if (!item) {
    throw new GameError('NOT_OFFERED', `Command "buy" rejected: item "${itemId}" is not for sale`);
  }
  requireGold(run, 'buy', item.price);
  return item;
}

/** Buys one shop item with party gold. */
export function buy(run: RunRecord, itemId: string): void {
  const item = requirePurchasable(run, itemId);
  run.gold -= item.price;
  item.isSold = true;
  if (item.kind === 'card') run.cards.push(item.pluginId);
  else run.relics[item.pluginId] = (run.relics[item.pluginId] ?? 0) + 1;
}

/** Restocks the shop for a fee. */
export function reroll(run: RunRecord, content: ContentLists): void {
  requirePhase(run, 'reroll', 'shop');
  requireGold(run, 'reroll', SHOP.rerollCost);
  run.gold -= SHOP.rerollCost;
  run.shopRerolls += 1;
  const rng = roomRng(run, `shop:${run.shopRerolls}`);
  run.shop = rollShop(rng, content, run.cards, run.pressure, run.shopRerolls);
}

/** @throws WRONG_PHASE unless the reward sequence waits at `stage`. */
export function requireStage(run: RunRecord, command: string, stage: RewardStage): PendingReward {
  const pending = run.pendingReward;
  if (run.phase !== 'reward' || pending?.stage !== stage) {
    throw new GameError(
      'WRONG_PHASE',
      `Command "${command}" rejected: no ${stage} choice is pending in run "${run.id}"`,
    );
  }
  return pending;
}

/** @throws WRONG_PHASE, NOT_OFFERED unless `id` is among the options offered at `stage`. */
export function requireOffered(
  run: RunRecord,
  command: string,
  stage: RewardStage,
  id: string,
): void {
  const pending = requireStage(run, command, stage);
  if (!pending.options.includes(id)) {
    throw new GameError(
      'NOT_OFFERED',
      `Command "${command}" rejected: "${id}" is not among the offered ${stage}s`,
    );
  }
}

/** @throws NOT_ENOUGH_GOLD when the party cannot pay `price`. */
export function requireGold(run: RunRecord, command: string, price: number): void {
  if (run.gold < price) {
    throw new GameError(
      'NOT_ENOUGH_GOLD',
      `Command "${command}" rejected: it costs ${price} gold and the party has ${run.gold}`,
    );
  }
}

function advanceRewardStage(run: RunRecord, content: ContentLists): void {
  const pending = run.pendingReward;
  if (!pending) return;
  if (pending.stage === 'card' && pending.hasRelicDrop) {
    const options = rollRelicOffer(roomRng(run, 'relics'), content, pending.isAfterBoss);
    if (options.length > 0) {
      pending.stage = 'relic';
      pending.options = options;
      return;
    }
  }
  pending.stage = 'loot';
  pending.options = [];
}
