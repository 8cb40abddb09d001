/** How the bots of one scenario group themselves and play. */
export interface Scenario {
  name: string;
  summary: string;
  /** Bots per run: the host, other members, then spectators. */
  groupSize: number;
  /** Spectators in a group, given the group's index (the rest are members). */
  spectatorsIn(groupIndex: number): number;
  /** Chance, per battle, that each member other than the host drops and reconnects. */
  dropChance: number;
  /** Whether bots pull gacha with their welcome tickets before playing. */
  pullsGacha: boolean;
}

/** Pacing of battles: watched at the server's pacing, at speed 4, or skipped to the result. */
export const PACINGS = ['watch', 'fast', 'skip'] as const;
export type Pacing = (typeof PACINGS)[number];

export const SCENARIOS: Record<string, Scenario> = {
  coop: {
    name: 'coop',
    summary: 'four bots a run; one run in ten seats a spectator instead of its fourth member',
    groupSize: 4,
    spectatorsIn: (groupIndex) => (groupIndex % 10 === 9 ? 1 : 0),
    dropChance: 0.05,
    pullsGacha: true,
  },
  solo: {
    name: 'solo',
    summary: 'every bot plays its own run',
    groupSize: 1,
    spectatorsIn: () => 0,
    dropChance: 0,
    pullsGacha: true,
  },
  flaky: {
    name: 'flaky',
    summary: 'co-op runs of four where members drop and reconnect in one battle in three',
    groupSize: 4,
    spectatorsIn: () => 0,
    dropChance: 0.33,
    pullsGacha: false,
  },
};
