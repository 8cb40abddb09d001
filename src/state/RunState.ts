import { schema, t, type SchemaType } from '@colyseus/schema';

/** One fighter in the current battle, keyed in `BattleView.combatants` by side and slot. */
export const Combatant = schema(
  {
    side: t.string().default(''),
    slot: t.uint8().default(0),
    id: t.string().default(''),
    name: t.string().default(''),
    element: t.string().default(''),
    hp: t.uint32().default(0),
    maxHp: t.uint32().default(0),
    shield: t.uint32().default(0),
    ultimateCharge: t.uint8().default(0),
    effectStacks: t.uint16().default(0),
    isAlive: t.boolean().default(true),
  },
  'Combatant',
);
export type Combatant = SchemaType<typeof Combatant>;

/** The battle in progress, mirrored field by field after each simulated action. */
export const BattleView = schema(
  {
    isActive: t.boolean().default(false),
    isBoss: t.boolean().default(false),
    actionCount: t.uint32().default(0),
    enrageStacks: t.uint16().default(0),
    outcome: t.string().default(''),
    combatants: t.map(Combatant),
    lastActorKey: t.string().default(''),
    lastTargetKey: t.string().default(''),
    lastAmount: t.uint32().default(0),
    lastKind: t.string().default(''),
  },
  'BattleView',
);
export type BattleView = SchemaType<typeof BattleView>;

/** A character fighting in the run; hp carries over between rooms. Keyed by `memberKey()`. */
export const PartyMember = schema(
  {
    ownerId: t.string().default(''),
    characterId: t.string().default(''),
    name: t.string().default(''),
    element: t.string().default(''),
    level: t.uint16().default(1),
    hp: t.uint32().default(0),
    maxHp: t.uint32().default(0),
  },
  'PartyMember',
);
export type PartyMember = SchemaType<typeof PartyMember>;

/** A connected player (member or spectator), keyed by sessionId. */
export const RunMember = schema(
  {
    playerId: t.string().default(''),
    username: t.string().default(''),
    role: t.string().default('member'),
    isHost: t.boolean().default(false),
    isConnected: t.boolean().default(true),
  },
  'RunMember',
);
export type RunMember = SchemaType<typeof RunMember>;

/** An item for sale; `itemId` is what `buy` names. */
export const ShopItem = schema(
  {
    itemId: t.string().default(''),
    kind: t.string().default(''),
    pluginId: t.string().default(''),
    stars: t.uint8().default(1),
    price: t.uint32().default(0),
    isSold: t.boolean().default(false),
  },
  'ShopItem',
);
export type ShopItem = SchemaType<typeof ShopItem>;

/** The reward choice waiting for a decision: stage `card`, `relic` or `loot`. */
export const RewardOffer = schema(
  {
    stage: t.string().default(''),
    options: t.array('string'),
    lootGold: t.uint32().default(0),
    lootTickets: t.uint8().default(0),
    lootItems: t.uint16().default(0),
  },
  'RewardOffer',
);
export type RewardOffer = SchemaType<typeof RewardOffer>;

/** The latest open vote, if any: what is being decided and when the timer decides it. */
export const VoteView = schema(
  {
    topic: t.string().default(''),
    deadlineMs: t.float64().default(0),
    ballots: t.uint8().default(0),
    needed: t.uint8().default(0),
  },
  'VoteView',
);
export type VoteView = SchemaType<typeof VoteView>;

/** Root state of the `run` room. */
export const RunState = schema(
  {
    runId: t.string().default(''),
    phase: t.string().default('map'),
    result: t.string().default(''),
    floor: t.uint16().default(1),
    roomIndex: t.uint16().default(0),
    roomsCleared: t.uint32().default(0),
    roomKinds: t.array('string'),
    pressure: t.uint8().default(0),
    gold: t.uint32().default(0),
    speed: t.uint8().default(1),
    members: t.map(RunMember),
    party: t.map(PartyMember),
    cards: t.array('string'),
    relics: t.map('uint16'),
    reward: RewardOffer,
    shop: t.map(ShopItem),
    battle: BattleView,
    vote: VoteView,
  },
  'RunState',
);
export type RunState = SchemaType<typeof RunState>;
