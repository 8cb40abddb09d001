/**
 * Battle simulator benchmark: prints one JSON object.
 *   actionsPerSec   5 v 5 battles with effects, passives, cards and relics active, run to the end
 *   dotTick800Ms    one tick of a target carrying 800 damage-over-time stacks (median)
 *   battleMs        one full 5 v 5 battle (median; digest not included, see digestMs)
 *   bytesPerClientPerSec  needs a real room: null here, see `roomBytesPerClientPerSec`
 * Usage: npm run bench:battle [-- --battles N]
 */
import { createBattle } from '../src/battle/createBattle.ts';
import type { BattleSim } from '../src/battle/BattleSim.ts';
import type { Fighter } from '../src/battle/Fighter.ts';
import { tickEffects } from '../src/battle/ticks.ts';
import type { Battle, BattleConfig, BattleContent } from '../src/battle/types.ts';
import type { PassivePlugin } from '../src/plugins/types.ts';
import { makeBattleContent, makeSpec, makeTeams } from '../test/support/battleContent.ts';

const DOT_STACKS = 800;
const args = process.argv.slice(2);
const battleCount = Number(args[args.indexOf('--battles') + 1]) || 4000;

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function percentile(values: number[], p: number): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;
}

function fiveVersusFive(seed: number): BattleConfig {
  const teams = makeTeams();
  return {
    seed,
    ...teams,
    cardIds: ['sharp-edge', 'first-aid'],
    relicCounts: { 'iron-ring': 2 },
    isBossRoom: false,
  };
}

function measureBattles(content: BattleContent) {
  const durations: number[] = [];
  let actions = 0;
  let totalMs = 0;
  for (let seed = 0; seed < battleCount; seed++) {
    const config = fiveVersusFive(seed);
    const start = nowMs();
    const battle = createBattle(config, content);
    battle.runToEnd();
    const elapsed = nowMs() - start;
    durations.push(elapsed);
    totalMs += elapsed;
    actions += battle.actionCount;
  }
  return { durations, actions, totalMs };
}

/** A passive that loads its owner with 800 independent stacks of varied strength. */
const PILE_ON: PassivePlugin = {
  kind: 'passive',
  id: 'pile-on',
  name: 'Pile On',
  description: 'Bench only.',
  hooks: {
    onBattleStart({ battle, owner }) {
      if (owner === null) return;
      for (let i = 0; i < DOT_STACKS; i++) {
        battle.applyEffect(null, owner, 'fire-dot', 1 + (i % 7), 1, false);
      }
    },
  },
};

function dotTarget(content: BattleContent, seed: number): { sim: BattleSim; target: Fighter } {
  const withPileOn: BattleContent = {
    ...content,
    passive: (id) => (id === PILE_ON.id ? PILE_ON : content.passive(id)),
  };
  const config: BattleConfig = {
    seed,
    party: [makeSpec({ baseStats: { maxHp: 1e9 }, passiveId: PILE_ON.id })],
    foes: [makeSpec()],
    cardIds: [],
    relicCounts: {},
    isBossRoom: false,
  };
  const sim = createBattle(config, withPileOn) as BattleSim;
  return { sim, target: sim.fighters[0] as Fighter };
}

function measureDotTick(content: BattleContent) {
  const samples: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const { sim, target } = dotTarget(content, i);
    if (target.effectStacks !== DOT_STACKS) throw new Error('Bench set-up lost stacks');
    target.actionCount++;
    const start = nowMs();
    tickEffects(sim, target);
    samples.push(nowMs() - start);
  }
  return samples;
}

function measureDigest(battle: Battle): number {
  const start = nowMs();
  for (let i = 0; i < 50; i++) battle.digest();
  return (nowMs() - start) / 50;
}

const content = makeBattleContent();
measureBattles(content);
const run = measureBattles(content);
measureDotTick(content);
const ticks = measureDotTick(content);
const sample = createBattle(fiveVersusFive(1), content);
sample.runToEnd();

console.log(
  JSON.stringify({
    actionsPerSec: Math.round(run.actions / (run.totalMs / 1000)),
    dotTick800Ms: Number(median(ticks).toFixed(5)),
    dotTick800P99Ms: Number(percentile(ticks, 0.99).toFixed(5)),
    battleMs: Number(median(run.durations).toFixed(4)),
    battleP99Ms: Number(percentile(run.durations, 0.99).toFixed(4)),
    actionsPerBattle: Math.round(run.actions / battleCount),
    eventsPerBattle: sample.events.length,
    digestMs: Number(measureDigest(sample).toFixed(4)),
    battles: battleCount,
    bytesPerClientPerSec: null,
    bytesPerClientPerSecNote: 'needs a real room at default pacing; measured by the room bench',
    node: process.version,
  }),
);
