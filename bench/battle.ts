/**
 * Battle simulator benchmark; prints one JSON object.
 *   actionsPerSec      5 v 5 battles with effects, passives, cards and relics active: actions
 *                      over the wall time of `runToEnd()` (set-up excluded; see createMs), best
 *                      of ROUNDS rounds, since a busy host can only slow a round down
 *   actionsPerSecMedian  the median round
 *   actionsPerSecCpu   all rounds over the main thread's CPU time
 *   dotTick800Ms       one tick of a target carrying 800 damage-over-time stacks (median)
 *   battleMs           one full 5 v 5 battle, set-up included (median; digest excluded)
 *   bytesPerClientPerSec  needs a real room: null here, measured by the room bench
 * Usage: npm run bench:battle [-- --battles N]
 */
import { availableParallelism, loadavg } from 'node:os';
import { createBattle } from '../src/battle/createBattle.ts';
import type { BattleSim } from '../src/battle/BattleSim.ts';
import type { Fighter } from '../src/battle/Fighter.ts';
import { tickEffects } from '../src/battle/ticks.ts';
import type { BattleConfig, BattleContent } from '../src/battle/types.ts';
import type { PassivePlugin } from '../src/plugins/types.ts';
import { makeBattleContent, makeSpec, makeTeams } from '../test/support/battleContent.ts';

const DOT_STACKS = 800;
const ROUNDS = 5;
const args = process.argv.slice(2);
const battleCount = Number(args[args.indexOf('--battles') + 1]) || 5000;
const perRound = Math.max(1, Math.floor(battleCount / ROUNDS));

const wallMs = (): number => Number(process.hrtime.bigint()) / 1e6;
const cpuMs = (): number => {
  const usage = process.threadCpuUsage();
  return (usage.user + usage.system) / 1000;
};

function percentile(values: number[], p: number): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;
}

function fiveVersusFive(seed: number): BattleConfig {
  return {
    seed,
    ...makeTeams(),
    cardIds: ['sharp-edge', 'first-aid'],
    relicCounts: { 'iron-ring': 2 },
    isBossRoom: false,
  };
}

function measureBattles(content: BattleContent) {
  const battleMs: number[] = [];
  const roundRates: number[] = [];
  const totals = { actions: 0, createMs: 0, runCpuMs: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    let roundActions = 0;
    let roundMs = 0;
    for (let seed = round * perRound; seed < (round + 1) * perRound; seed++) {
      const config = fiveVersusFive(seed);
      const start = wallMs();
      const battle = createBattle(config, content);
      const created = wallMs();
      const cpuStart = cpuMs();
      battle.runToEnd();
      totals.runCpuMs += cpuMs() - cpuStart;
      const ended = wallMs();
      battleMs.push(ended - start);
      totals.createMs += created - start;
      roundMs += ended - created;
      roundActions += battle.actionCount;
    }
    roundRates.push(roundActions / (roundMs / 1000));
    totals.actions += roundActions;
  }
  return { battleMs, roundRates, ...totals };
}

/** A passive that loads its owner with 800 independent stacks of varied strength. */
const PILE_ON: PassivePlugin = {
  kind: 'passive',
  id: 'pile-on',
  name: 'Pile On',
  description: 'Bench only.',
  hooks: {
    onBattleStart({ battle, owner }) {
      for (let i = 0; owner !== null && i < DOT_STACKS; i++) {
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

function measureDotTicks(content: BattleContent): number[] {
  const samples: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const { sim, target } = dotTarget(content, i);
    if (target.effectStacks !== DOT_STACKS) throw new Error('Bench set-up lost stacks');
    target.actionCount++;
    const start = wallMs();
    tickEffects(sim, target);
    samples.push(wallMs() - start);
  }
  return samples;
}

function measureDigestMs(content: BattleContent): number {
  const battle = createBattle(fiveVersusFive(1), content);
  battle.runToEnd();
  const start = wallMs();
  for (let i = 0; i < 100; i++) battle.digest();
  return (wallMs() - start) / 100;
}

const content = makeBattleContent();
measureBattles(content);
const run = measureBattles(content);
measureDotTicks(content);
const ticks = measureDotTicks(content);

console.log(
  JSON.stringify({
    actionsPerSec: Math.round(Math.max(...run.roundRates)),
    actionsPerSecMedian: Math.round(percentile(run.roundRates, 0.5)),
    actionsPerSecCpu: Math.round(run.actions / (run.runCpuMs / 1000)),
    dotTick800Ms: Number(percentile(ticks, 0.5).toFixed(5)),
    dotTick800P99Ms: Number(percentile(ticks, 0.99).toFixed(5)),
    battleMs: Number(percentile(run.battleMs, 0.5).toFixed(4)),
    battleP99Ms: Number(percentile(run.battleMs, 0.99).toFixed(4)),
    createMs: Number((run.createMs / (perRound * ROUNDS)).toFixed(4)),
    digestMs: Number(measureDigestMs(content).toFixed(4)),
    actionsPerBattle: Math.round(run.actions / (perRound * ROUNDS)),
    battles: perRound * ROUNDS,
    bytesPerClientPerSec: null,
    bytesPerClientPerSecNote: 'needs a real room at default pacing; measured by the room bench',
    host: { node: process.version, cpus: availableParallelism(), loadAverage1m: loadavg()[0] },
  }),
);
