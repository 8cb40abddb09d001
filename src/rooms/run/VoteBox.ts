/** What a vote needs to know about the people who may vote right now. */
export interface Electorate {
  presentVoterIds: readonly string[];
  hostId: string;
}

interface OpenVote {
  ballots: Map<string, string>;
  order: string[];
  fallback: string | undefined;
  cancelTimer: () => void;
}

export type Scheduler = (callback: () => void, delayMs: number) => () => void;

/**
 * Collects ballots per topic. A choice passes on a majority of present voters; when the timer
 * runs out, the host's ballot wins, else the fallback (the first offer), else the first ballot.
 */
export class VoteBox {
  #open = new Map<string, OpenVote>();
  readonly #schedule: Scheduler;
  readonly #timeoutMs: number;
  readonly #onDecided: (topic: string, choice: string) => void;

  constructor(
    schedule: Scheduler,
    timeoutMs: number,
    onDecided: (topic: string, choice: string) => void,
  ) {
    this.#schedule = schedule;
    this.#timeoutMs = timeoutMs;
    this.#onDecided = onDecided;
  }

  /** Records a ballot; returns true when it settles the vote (`onDecided` has then run). */
  cast(
    topic: string,
    voterId: string,
    choice: string,
    electorate: Electorate,
    fallback?: string,
  ): boolean {
    const vote = this.#open.get(topic) ?? this.#openVote(topic, electorate, fallback);
    if (!vote.ballots.has(voterId)) vote.order.push(voterId);
    vote.ballots.set(voterId, choice);

    const majority = Math.floor(electorate.presentVoterIds.length / 2) + 1;
    const votesForChoice = [...vote.ballots.values()].filter((c) => c === choice).length;
    if (votesForChoice < majority) return false;
    this.#decide(topic, choice);
    return true;
  }

  /** How many ballots the topic has. */
  ballotCount(topic: string): number {
    return this.#open.get(topic)?.ballots.size ?? 0;
  }

  /** Forgets every open vote, as when the phase changes. */
  clear(): void {
    for (const vote of this.#open.values()) vote.cancelTimer();
    this.#open.clear();
  }

  #openVote(topic: string, electorate: Electorate, fallback: string | undefined): OpenVote {
    const vote: OpenVote = { ballots: new Map(), order: [], fallback, cancelTimer: () => {} };
    const expire = () => this.#expire(topic, electorate.hostId);
    vote.cancelTimer = this.#schedule(expire, this.#timeoutMs);
    this.#open.set(topic, vote);
    return vote;
  }

  #expire(topic: string, hostId: string): void {
    const vote = this.#open.get(topic);
    if (!vote) return;
    const firstVoter = vote.order[0];
    const choice =
      vote.ballots.get(hostId) ??
      vote.fallback ??
      (firstVoter === undefined ? undefined : vote.ballots.get(firstVoter));
    if (choice !== undefined) this.#decide(topic, choice);
  }

  #decide(topic: string, choice: string): void {
    this.#open.get(topic)?.cancelTimer();
    this.#open.delete(topic);
    this.#onDecided(topic, choice);
  }
}
