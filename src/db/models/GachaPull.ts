import { Schema, type Connection, type Model } from 'mongoose';

/** One pull request's outcome, as the audit log and idempotent replays keep it. */
export interface GachaPullRecord {
  /** Time-ordered string id, so history pages sort and resume by `_id`. */
  _id: string;
  playerId: string;
  bannerId: string;
  family: string;
  count: number;
  /** The Idempotency-Key the request carried (or one the server chose). */
  key: string;
  results: Array<Record<string, unknown>>;
  pityBefore: number;
  pityAfter: number;
  ticketsAfter: number;
  /** The player version the pull was conditioned on: orders an account's pulls exactly. */
  playerVersion: number;
  createdAt: Date;
}

/** Append-only audit of pulls (DESIGN.md §4). */
export const gachaPullSchema = new Schema<GachaPullRecord>(
  {
    _id: { type: String, required: true },
    playerId: { type: String, required: true },
    bannerId: { type: String, required: true },
    family: { type: String, required: true },
    count: { type: Number, required: true },
    key: { type: String, required: true },
    results: { type: Schema.Types.Mixed, default: () => [] },
    pityBefore: { type: Number, required: true },
    pityAfter: { type: Number, required: true },
    ticketsAfter: { type: Number, required: true },
    playerVersion: { type: Number, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);

gachaPullSchema.index({ playerId: 1, _id: -1 });
gachaPullSchema.index({ playerId: 1, key: 1 }, { unique: true });

export type GachaPullModel = Model<GachaPullRecord>;

/** The GachaPull model on `connection`, compiled once per connection. */
export function getGachaPullModel(connection: Connection): GachaPullModel {
  const existing = connection.models.GachaPull as GachaPullModel | undefined;
  return existing ?? connection.model<GachaPullRecord>('GachaPull', gachaPullSchema);
}
