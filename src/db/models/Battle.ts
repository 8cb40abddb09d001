import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * One fought battle, for replay and audit: the seed and full configuration replay to the same
 * event log, whose digest is stored. `_id` is `<runId>:<floor>:<roomIndex>`, so a battle
 * replayed after a crash overwrites its own record instead of adding one.
 */
export const battleSchema = new Schema(
  {
    _id: { type: String, required: true },
    runId: { type: String, required: true },
    floor: { type: Number, required: true },
    roomIndex: { type: Number, required: true },
    seed: { type: Number, required: true },
    config: { type: Schema.Types.Mixed, required: true },
    outcome: { type: String, required: true },
    actionCount: { type: Number, required: true },
    digest: { type: String, required: true },
  },
  // minimize: false keeps empty objects (a spec's `baseStats: {}`), which replays need.
  { timestamps: true, versionKey: false, minimize: false },
);

battleSchema.index({ runId: 1, floor: 1, roomIndex: 1 });

export type BattleDocument = InferSchemaType<typeof battleSchema>;
export const BattleRecord = model('Battle', battleSchema);
