import { parseArgs } from 'node:util';
import type { LoadTestOptions } from './runLoadTest.ts';
import { PACINGS, SCENARIOS, type Pacing, type Scenario } from './scenarios.ts';

/** The harness's options as the command line gives them, plus the output choices. */
export interface CliOptions extends Omit<LoadTestOptions, 'onProgress'> {
  json: boolean;
  /** Print each progress report as one JSON line on standard error, for scripts and tests. */
  progressJson: boolean;
}

/** The harness only ever loads a server on this machine. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_BOTS = 10_000;
const MAX_DURATION_S = 3_600;

/** Parses and checks the command line; throws one error naming the first bad option. */
export function parseOptions(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:2567' },
      bots: { type: 'string', default: '50' },
      duration: { type: 'string', default: '30' },
      ramp: { type: 'string' },
      scenario: { type: 'string', default: 'coop' },
      pacing: { type: 'string', default: 'watch' },
      'think-ms': { type: 'string', default: '1000' },
      'wait-ms': { type: 'string', default: '30000' },
      'metrics-token': { type: 'string' },
      'signup-concurrency': { type: 'string', default: '8' },
      json: { type: 'boolean', default: false },
      'progress-json': { type: 'boolean', default: false },
    },
  });
  const durationS = bounded('duration', values.duration, 1, MAX_DURATION_S);
  return {
    url: loopbackUrl(values.url),
    bots: bounded('bots', values.bots, 1, MAX_BOTS),
    durationS,
    rampS: bounded('ramp', values.ramp ?? String(Math.min(10, durationS)), 0, MAX_DURATION_S),
    scenario: scenarioNamed(values.scenario),
    pacing: pacingNamed(values.pacing),
    thinkMs: bounded('think-ms', values['think-ms'], 0, 60_000),
    waitMs: bounded('wait-ms', values['wait-ms'], 1_000, 600_000),
    metricsToken: values['metrics-token'] ?? process.env.METRICS_TOKEN,
    signUpConcurrency: bounded('signup-concurrency', values['signup-concurrency'], 1, 256),
    json: values.json,
    progressJson: values['progress-json'],
  };
}

function loopbackUrl(raw: string): string {
  const url = new URL(raw);
  if (!LOOPBACK_HOSTS.has(url.hostname) || !/^https?:$/.test(url.protocol)) {
    throw new Error(`--url must be http on this machine (127.0.0.1), got "${raw}"`);
  }
  return url.origin;
}

function bounded(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`--${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function scenarioNamed(name: string): Scenario {
  const scenario = SCENARIOS[name];
  if (!scenario) {
    const names = Object.keys(SCENARIOS).join(', ');
    throw new Error(`--scenario must be one of ${names}, got "${name}"`);
  }
  return scenario;
}

function pacingNamed(name: string): Pacing {
  const pacing = PACINGS.find((candidate) => candidate === name);
  if (!pacing) throw new Error(`--pacing must be one of ${PACINGS.join(', ')}, got "${name}"`);
  return pacing;
}
