import { Schema, model, type InferSchemaType } from 'mongoose';

const partyMemberSchema = new Schema(
  {
    ownerId: { type: String, required: true },
    characterId: { type: String, required: true },
    hp: { type: Number, required: true },
  },
  { _id: false },
);

const lootItemSchema = new Schema(
  {
    element: { type: String, required: true },
    stars: { type: Number, required: true },
    count: { type: Number, required: true },
  },
  { _id: false },
);

const pendingRewardSchema = new Schema(
  {
    stage: { type: String, required: true },
    options: { type: [String], default: [] },
    hasRelicDrop: { type: Boolean, default: false },
    isAfterBoss: { type: Boolean, default: false },
    lootGold: { type: Number, default: 0 },
    lootTickets: { type: Number, default: 0 },
    lootItems: { type: [lootItemSchema], default: [] },
    /** Members who took part in the battle; loot goes to each of them. */
    earnerIds: { type: [String], default: [] },
  },
  { _id: false },
);

const shopItemSchema = new Schema(
  {
    itemId: { type: String, required: true },
    kind: { type: String, required: true },
    pluginId: { type: String, required: true },
    stars: { type: Number, required: true },
    price: { type: Number, required: true },
    isSold: { type: Boolean, default: false },
  },
  { _id: false },
);

/**
 * Everything needed to resume a run, saved after every room and decision. `version` makes each
 * save a conditional write, so two rooms can never both own one run.
 */
export const runSchema = new Schema(
  {
    _id: { type: String, required: true },
    hostId: { type: String, required: true },
    memberIds: { type: [String], default: [] },
    invitedIds: { type: [String], default: [] },
    status: { type: String, enum: ['active', 'ended', 'abandoned'], default: 'active' },
    result: { type: String, default: '' },
    seed: { type: Number, required: true },
    pressure: { type: Number, required: true },
    phase: { type: String, required: true },
    floor: { type: Number, default: 1 },
    roomIndex: { type: Number, default: 0 },
    roomsCleared: { type: Number, default: 0 },
    gold: { type: Number, default: 0 },
    party: { type: [partyMemberSchema], default: [] },
    cards: { type: [String], default: [] },
    relics: { type: Map, of: Number, default: () => new Map() },
    pendingReward: { type: pendingRewardSchema, default: null },
    shop: { type: [shopItemSchema], default: [] },
    shopRerolls: { type: Number, default: 0 },
    version: { type: Number, default: 0 },
  },
  // minimize: false keeps an empty relic map as `{}` rather than dropping the field.
  { timestamps: true, versionKey: false, minimize: false },
);

runSchema.index({ memberIds: 1, status: 1, updatedAt: -1 });

export type RunDocument = InferSchemaType<typeof runSchema>;
export const Run = model('Run', runSchema);
