import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  COMMAND_PAYLOADS,
  RUN_COMMANDS,
  RUN_NOTICES,
} from '../../../src/rooms/run/messages.ts';
import {
  BattleView,
  Combatant,
  PartyMember,
  RewardOffer,
  RunMember,
  RunState,
  ShopItem,
  VoteView,
} from '../../../src/state/RunState.ts';

const PROTOCOL = await readFile(new URL('../../../docs/PROTOCOL.md', import.meta.url), 'utf8');

function fieldsOf(instance: { toJSON(): object }): string[] {
  return Object.keys(instance.toJSON());
}

function undocumented(names: readonly string[]): string[] {
  return names.filter((name) => !PROTOCOL.includes(`\`${name}\``));
}

describe('docs/PROTOCOL.md', () => {
  it('documents every command', () => {
    assert.deepEqual(undocumented(Object.values(RUN_COMMANDS)), []);
  });

  it('gives every command a validator', () => {
    assert.deepEqual(Object.keys(COMMAND_PAYLOADS).sort(), Object.values(RUN_COMMANDS).sort());
  });

  it('documents every notice', () => {
    assert.deepEqual(undocumented(Object.values(RUN_NOTICES)), []);
  });

  it('documents every state field, nested ones included', () => {
    const roots = [RunState, BattleView, Combatant, PartyMember];
    const schemas = [...roots, RunMember, RewardOffer, ShopItem, VoteView];

    const fields = schemas.flatMap((Schema) => fieldsOf(new Schema()));

    assert.deepEqual(undocumented(fields), []);
  });

  it('names the room type and every schema class', () => {
    const names = ['run', 'RunState', 'BattleView', 'Combatant', 'PartyMember', 'RunMember'];

    assert.deepEqual(undocumented([...names, 'RewardOffer', 'ShopItem', 'VoteView']), []);
  });
});
