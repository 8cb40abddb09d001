import { randomUUID } from 'node:crypto';
import { GameError } from '../core/errors.ts';
import { Run } from '../db/models/Run.ts';
import { BattleRecord } from '../db/models/Battle.ts';
import type { RunRecord, RunStatus } from './run/RunRecord.ts';

export interface NewRun {
  id: string;
  hostId: string;
  seed: number;
  pressure: number;
  party: RunRecord['party'];
  gold: number;
}

export interface RunSummary {
  id: string;
  hostId: string;
  status: RunStatus;
  result: string;
  floor: number;
  roomIndex: number;
  roomsCleared: number;
  partySize: number;
  updatedAt: string;
}

export interface BattleAudit {
  runId: string;
  floor: number;
  roomIndex: number;
  seed: number;
  config: unknown;
  outcome: string;
  actionCount: number;
  digest: string;
}

/** Stores runs and their battles. Returns plain objects, never documents. */
export class RunService {
  /** A fresh run id; rooms mint it before the run exists, because it is also their room id. */
  newRunId(): string {
    return `r_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  }

  /** Creates an active run owned by its host, at the start room of floor 1. */
  async create(input: NewRun): Promise<RunRecord> {
    const doc = await Run.create({
      _id: input.id,
      hostId: input.hostId,
      memberIds: [input.hostId],
      seed: input.seed,
      pressure: input.pressure,
      phase: 'map',
      gold: input.gold,
      party: input.party,
    });
    return toRecord(doc.toObject());
  }

  async findById(runId: string): Promise<RunRecord | null> {
    const doc = await Run.findById(runId).lean();
    return doc ? toRecord(doc) : null;
  }

  /**
   * Saves a run if nobody saved it since `run.version`, and returns the new version.
   * @throws CONFLICT when another writer saved the run first.
   */
  async save(run: RunRecord): Promise<number> {
    const { id, version, ...fields } = run;
    const saved = await Run.findOneAndUpdate(
      { _id: id, version },
      { $set: fields, $inc: { version: 1 } },
      { returnDocument: 'after', projection: { version: 1 } },
    ).lean();
    if (!saved) {
      const message = `Run "${id}" was saved by another writer since version ${version}`;
      throw new GameError('CONFLICT', message);
    }
    return saved.version;
  }

  /** Lists a player's runs, newest first. */
  async listForPlayer(playerId: string, limit = 20): Promise<RunSummary[]> {
    const docs = await Run.find({ memberIds: playerId })
      .sort({ updatedAt: -1 })
      .limit(limit)
      .lean();
    return docs.map((doc) => toSummary(toRecord(doc), doc.updatedAt));
  }

  /**
   * Returns one run's summary for one of its members.
   * @throws RUN_NOT_FOUND when the run does not exist or the player is not a member.
   */
  async findSummary(runId: string, playerId: string): Promise<RunSummary> {
    const doc = await Run.findOne({ _id: runId, memberIds: playerId }).lean();
    if (!doc) throw new GameError('RUN_NOT_FOUND', `Run "${runId}" not found`);
    return toSummary(toRecord(doc), doc.updatedAt);
  }

  /**
   * Marks an active run abandoned, on behalf of its host.
   * @throws RUN_NOT_FOUND when no active run of that id is hosted by the player.
   */
  async abandon(runId: string, playerId: string): Promise<RunSummary> {
    const doc = await Run.findOneAndUpdate(
      { _id: runId, hostId: playerId, status: 'active' },
      { $set: { status: 'abandoned', phase: 'ended', result: 'abandoned' }, $inc: { version: 1 } },
      { returnDocument: 'after' },
    ).lean();
    if (!doc) throw new GameError('RUN_NOT_FOUND', `Active run "${runId}" not found`);
    return toSummary(toRecord(doc), doc.updatedAt);
  }

  /** Records a finished battle; recording the same room twice keeps one record. */
  async recordBattle(audit: BattleAudit): Promise<void> {
    const id = `${audit.runId}:${audit.floor}:${audit.roomIndex}`;
    await BattleRecord.replaceOne({ _id: id }, { _id: id, ...audit }, { upsert: true });
  }

  /** Finds a recorded battle for one of the run's members. */
  async findBattle(battleId: string, playerId: string): Promise<BattleAudit | null> {
    const doc = await BattleRecord.findById(battleId).lean();
    if (!doc) return null;
    const isMember = await Run.exists({ _id: doc.runId, memberIds: playerId });
    if (!isMember) return null;
    const { _id, createdAt, updatedAt, ...audit } = doc as typeof doc & Record<string, unknown>;
    return audit as BattleAudit;
  }
}

type RunLean = Record<string, unknown> & { _id: string };

function toRecord(doc: unknown): RunRecord {
  const { _id, createdAt, updatedAt, relics, ...rest } = doc as RunLean;
  const relicEntries =
    relics instanceof Map ? [...relics.entries()] : Object.entries(relics ?? {});
  return { ...(rest as unknown as RunRecord), id: _id, relics: Object.fromEntries(relicEntries) };
}

function toSummary(run: RunRecord, updatedAt: unknown): RunSummary {
  return {
    id: run.id,
    hostId: run.hostId,
    status: run.status,
    result: run.result,
    floor: run.floor,
    roomIndex: run.roomIndex,
    roomsCleared: run.roomsCleared,
    partySize: run.party.length,
    updatedAt: updatedAt instanceof Date ? updatedAt.toISOString() : String(updatedAt),
  };
}
