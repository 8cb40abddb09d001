import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_STATS } from '../../../src/core/balance/battle.ts';
import { FOES } from '../../../src/core/balance/runs.ts';
import { SeededRng } from '../../../src/core/rng.ts';
import { BUILTIN_PLUGINS } from '../../../src/plugins/builtins/builtinPlugins.ts';
import { PluginRegistry } from '../../../src/plugins/PluginRegistry.ts';
import { foeCount, rollFoes, strength, type FoeRoll } from '../../../src/services/run/rollFoes.ts';

const registry = new PluginRegistry(BUILTIN_PLUGINS);
const NORMAL: FoeRoll = { kind: 'normal', pressure: 0, roomsCleared: 0, partySize: 1 };

describe('rollFoes', () => {
  it('fields 1 + floor(pressure / 5) foes for a party of one', () => {
    for (const pressure of [0, 4, 5, 12, 20]) {
      const count = foeCount(new SeededRng(1), { ...NORMAL, pressure });

      assert.equal(count, 1 + Math.floor(pressure / FOES.perPressure), `pressure ${pressure}`);
    }
  });

  it('adds up to partySize − 1 extras, more often than not', () => {
    const rng = new SeededRng(3);
    const counts = Array.from({ length: 2000 }, () => foeCount(rng, { ...NORMAL, partySize: 5 }));

    const meanExtras = counts.reduce((sum, count) => sum + count - 1, 0) / counts.length;
    assert.ok(counts.every((count) => count >= 1 && count <= 5));
    assert.ok(meanExtras > 2 && meanExtras < 4 * 0.75, `mean extras ${meanExtras}`);
  });

  it('never fields two foes of one id', () => {
    for (let seed = 0; seed < 100; seed++) {
      const roll = { ...NORMAL, pressure: 20, partySize: 5 };
      const foes = rollFoes(new SeededRng(seed), roll, registry);

      assert.equal(new Set(foes.map((foe) => foe.id)).size, foes.length, `seed ${seed}`);
    }
  });

  it('keeps the strength multiplier within 5 % of its growth curve', () => {
    const rng = new SeededRng(8);
    const roll = { ...NORMAL, pressure: 3, roomsCleared: 10 };

    const values = Array.from({ length: 500 }, () => strength(rng, roll));

    const centre = (1 + FOES.growthPerRoomCleared * 10) * 3;
    assert.ok(values.every((m) => m >= centre * 0.95 && m <= centre * 1.05));
  });

  it('makes a boss a single foe with four times the hp and one and a half the attack', () => {
    const roll: FoeRoll = { kind: 'boss', pressure: 1, roomsCleared: 0, partySize: 3 };

    const [boss, ...others] = rollFoes(new SeededRng(5), roll, registry);

    assert.equal(others.length, 0);
    const id = boss?.id ?? '';
    const base = (registry.find('foe', id) ?? registry.find('character', id))?.baseStats ?? {};
    const hpRatio = (boss?.baseStats.maxHp ?? 0) / (base.maxHp ?? DEFAULT_STATS.maxHp);
    const atkRatio = (boss?.baseStats.atk ?? 0) / (base.atk ?? DEFAULT_STATS.atk);
    assert.ok(Math.abs(hpRatio / atkRatio - 4 / 1.5) < 0.05, `${hpRatio} / ${atkRatio}`);
  });
});
