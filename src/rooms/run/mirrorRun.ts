import { ArraySchema } from '@colyseus/schema';
import type { BattleContent } from '../../battle/types.ts';
import type { PluginRegistry } from '../../plugins/PluginRegistry.ts';
import type { RunRecord } from '../../services/run/RunRecord.ts';
import { generateFloor } from '../../services/run/generateFloor.ts';
import { PartyMember, ShopItem, type RunState } from '../../state/RunState.ts';
import { slotKey, type PartySpecs } from './PartySpecs.ts';
import { assignIfChanged } from './assignIfChanged.ts';

/**
 * Copies the run record into the room state. Only fields whose value changed are assigned, so a
 * patch carries just the difference.
 */
export function mirrorRun(
  state: RunState,
  run: RunRecord,
  specs: PartySpecs,
  registry: PluginRegistry,
  content: BattleContent,
): void {
  assignIfChanged(state, 'runId', run.id);
  assignIfChanged(state, 'phase', run.phase);
  assignIfChanged(state, 'result', run.result);
  assignIfChanged(state, 'pressure', run.pressure);
  assignIfChanged(state, 'gold', run.gold);
  assignIfChanged(state, 'roomIndex', run.roomIndex);
  assignIfChanged(state, 'roomsCleared', run.roomsCleared);
  if (state.floor !== run.floor || state.roomKinds.length === 0) {
    state.floor = run.floor;
    state.roomKinds = new ArraySchema<string>(...generateFloor(run.seed, run.floor));
  }
  mirrorParty(state, run, specs, registry, content);
  mirrorList(state.cards, run.cards);
  mirrorCounts(state, run.relics);
  mirrorReward(state, run);
  mirrorShop(state, run);
}

function mirrorParty(
  state: RunState,
  run: RunRecord,
  specs: PartySpecs,
  registry: PluginRegistry,
  content: BattleContent,
): void {
  const keys = new Set(run.party.map(slotKey));
  for (const key of [...state.party.keys()]) if (!keys.has(key)) state.party.delete(key);
  for (const slot of run.party) {
    const key = slotKey(slot);
    const spec = specs.spec(slot);
    const shown = state.party.get(key) ?? new PartyMember({
      ownerId: slot.ownerId,
      characterId: slot.characterId,
      name: registry.find('character', slot.characterId)?.name ?? slot.characterId,
      element: spec.element,
    });
    assignIfChanged(shown, 'level', spec.level);
    assignIfChanged(shown, 'hp', Math.max(0, Math.round(slot.hp)));
    assignIfChanged(shown, 'maxHp', specs.maxHp(slot, run, content));
    if (!state.party.has(key)) state.party.set(key, shown);
  }
}

function mirrorList(shown: ArraySchema<string>, items: readonly string[]): void {
  if (shown.length === items.length && items.every((item, i) => shown[i] === item)) return;
  shown.splice(0, shown.length, ...items);
}

function mirrorCounts(state: RunState, relics: Record<string, number>): void {
  for (const key of [...state.relics.keys()]) if (!(key in relics)) state.relics.delete(key);
  for (const [id, count] of Object.entries(relics)) {
    if (state.relics.get(id) !== count) state.relics.set(id, count);
  }
}

function mirrorReward(state: RunState, run: RunRecord): void {
  const pending = run.pendingReward;
  const loot = pending?.stage === 'loot' ? pending : undefined;
  const itemCount = loot?.lootItems.reduce((sum, item) => sum + item.count, 0) ?? 0;
  assignIfChanged(state.reward, 'stage', pending?.stage ?? '');
  mirrorList(state.reward.options, pending?.options ?? []);
  assignIfChanged(state.reward, 'lootGold', loot?.lootGold ?? 0);
  assignIfChanged(state.reward, 'lootTickets', loot?.lootTickets ?? 0);
  assignIfChanged(state.reward, 'lootItems', itemCount);
}

function mirrorShop(state: RunState, run: RunRecord): void {
  const ids = new Set(run.shop.map((item) => item.itemId));
  for (const key of [...state.shop.keys()]) if (!ids.has(key)) state.shop.delete(key);
  for (const item of run.shop) {
    const shown = state.shop.get(item.itemId);
    if (shown) assignIfChanged(shown, 'isSold', item.isSold);
    else state.shop.set(item.itemId, new ShopItem({ ...item }));
  }
}
