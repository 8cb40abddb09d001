/**
 * Battle simulator benchmark; prints one JSON object.
 *   actionsPerSec      5 v 5 battles with effects, passives, cards and relics active: actions
 *                      over the wall time of `runToEnd()`, best of ROUNDS rounds, since a busy
 *                      host can only slow a round down. Battles are built in batches of BATCH
 *                      first (set-up excluded; see createMs), then the batch runs between two
 *                      clock reads, so no timer call falls inside the measured work; then its
 *                      battles are released (`battle.release()`), as a server done with
 *                      them would, so later batches reuse their log memory
 *   actionsPerSecMedian  the median round
 *   actionsPerSecCpu   all rounds over the main thread's CPU time (one core's rate)
 *   dotTick800Ms       one tick of a target carrying 800 damage-over-time stacks (median)
 *   battleMs           one full 5 v 5 battle, set-up included (median; digest excluded)
 *   bytesPerClientPerSec  what one client of a real room receives while a 5 v 5 battle plays
 *                      at default pacing (`measureRoomTraffic` of bench/roomTraffic.ts, run
 *                      last so its server does not share the CPU with the figures above)
 * Usage: npm run bench:battle [-- --battles N] [--room-seconds S] (S = 0 skips the room)
 * A bad option exits 2 with the usage on stderr; stdout only ever carries the JSON.
 */
import { availableParallelism, loadavg } from 'node:os';
import { createBattle } from '../src/battle/createBattle.ts';
import type { BattleSim } from '../src/battle/BattleSim.ts';
import type { Fighter } from '../src/battle/Fighter.ts';
import { tickEffects } from '../src/battle/ticks.ts';
import type { Battle, BattleConfig, BattleContent } from '../src/battle/types.ts';
import type { RoomTraffic } from './roomTraffic.ts';
import type { PassivePlugin } from '../src/plugins/types.ts';
import { makeBattleContent, makeSpec, makeTeams } from '../test/support/battleContent.ts';
import {
  integerOption, parseCommandLine, UsageError, withUsage,
} from '../scripts/commandLine.ts';

const DOT_STACKS = 800;
const ROUNDS = 5;
const BATCH = 50;
const SINGLE_BATTLES = 1000;
const USAGE = 'Usage: npm run bench:battle -- [--battles N (a multiple of ' +
  `${ROUNDS * BATCH}, default 5000)] [--room-seconds S (0 skips the room, default 10)]`;
const { battleCount, roomSeconds } = withUsage(USAGE, () => {
  const { values } = parseCommandLine({
    options: {
      battles: { type: 'string', default: '5000' },
      'room-seconds': { type: 'string', default: '10' },
    },
  });
  // Rounds run whole batches, so any other count would silently become a different one.
  const battles = integerOption('--battles', values.battles, 1);
  if (battles % (ROUNDS * BATCH) !== 0) {
    const reason = `${ROUNDS} rounds of batches of ${BATCH}`;
    throw new UsageError(`--battles must be a multiple of ${ROUNDS * BATCH} (${reason}), ` +
      `got "${values.battles}"`);
  }
  const seconds = integerOption('--room-seconds', values['room-seconds'], 0, 3600);
  return { battleCount: battles, roomSeconds: seconds };
});
const perRound = Math.max(BATCH, Math.floor(battleCount / ROUNDS / BATCH) * BATCH);

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

/** Rounds of batched `runToEnd()` calls: wall rate per round, CPU time over all rounds. */
function measureRates(content: BattleContent) {
  const roundRates: number[] = [];
  const totals = { actions: 0, createMs: 0, runCpuMs: 0 };
  let seed = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let roundActions = 0;
    let roundMs = 0;
    for (let done = 0; done < perRound; done += BATCH) {
      const createdAt = wallMs();
      const batch: Battle[] = [];
      for (let i = 0; i < BATCH; i++) batch.push(createBattle(fiveVersusFive(seed++), content));
      const start = wallMs();
      const cpuStart = cpuMs();
      for (const battle of batch) battle.runToEnd();
      totals.runCpuMs += cpuMs() - cpuStart;
      roundMs += wallMs() - start;
      totals.createMs += start - createdAt;
      for (const battle of batch) {
        roundActions += battle.actionCount;
        battle.release();
      }
    }
    roundRates.push(roundActions / (roundMs / 1000));
    totals.actions += roundActions;
  }
  return { roundRates, ...totals };
}

/** Single battles timed one by one, set-up included. */
function measureBattleMs(content: BattleContent): number[] {
  const samples: number[] = [];
  for (let seed = 0; seed < SINGLE_BATTLES; seed++) {
    const start = wallMs();
    createBattle(fiveVersusFive(seed), content).runToEnd();
    samples.push(wallMs() - start);
  }
  return samples;
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

/** The room's figure; its server logs stay off stdout unless LOG_LEVEL asks for them. */
async function measureRoom(): Promise<RoomTraffic | null> {
  if (roomSeconds <= 0) return null;
  process.env.LOG_LEVEL ??= 'silent';
  const { measureRoomTraffic } = await import('./roomTraffic.ts');
  return measureRoomTraffic(roomSeconds);
}

const content = makeBattleContent();
measureRates(content);
const run = measureRates(content);
measureBattleMs(content);
const battleMs = measureBattleMs(content);
measureDotTicks(content);
const ticks = measureDotTicks(content);
const digestMs = measureDigestMs(content);
const load = loadavg();
const room = await measureRoom();
const battles = perRound * ROUNDS;

console.log(
  JSON.stringify({
    actionsPerSec: Math.round(Math.max(...run.roundRates)),
    actionsPerSecMedian: Math.round(percentile(run.roundRates, 0.5)),
    actionsPerSecCpu: Math.round(run.actions / (run.runCpuMs / 1000)),
    dotTick800Ms: Number(percentile(ticks, 0.5).toFixed(5)),
    dotTick800P99Ms: Number(percentile(ticks, 0.99).toFixed(5)),
    battleMs: Number(percentile(battleMs, 0.5).toFixed(4)),
    battleP99Ms: Number(percentile(battleMs, 0.99).toFixed(4)),
    createMs: Number((run.createMs / battles).toFixed(4)),
    digestMs: Number(digestMs.toFixed(4)),
    actionsPerBattle: Math.round(run.actions / battles),
    battles,
    bytesPerClientPerSec: room?.bytesPerClientPerSec ?? null,
    room,
    host: { node: process.version, cpus: availableParallelism(), loadAverage1m: load[0] },
  }),
);
process.exit(0);
