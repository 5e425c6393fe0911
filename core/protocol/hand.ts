import * as v from "valibot";
import { MutationId, Text, type Sequenced } from "./common";
import type { WireFrame } from "./wire";

/**
 * Raise hand → stream room. A participant on a stage raises a hand (with an optional topic);
 * moderators see the queue in order and approve someone into the stage's stream room (a call
 * with the studio, free of the stream delay), dismiss them, or let them wait. A moderator ends
 * the contribution and the person is back in the audience.
 */
export const HandLimits = {
  topicChars: 140,
  /** Hands waiting at once; past this a new hand is refused (moderators could not read more anyway). */
  queueMax: 500,
} as const;

const RegistrationRef = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

export const HandRaiseFrame = v.strictObject({
  type: v.literal("hand/raise"),
  id: MutationId,
  /** Raising again while waiting changes the topic and keeps the place. */
  topic: v.optional(Text(HandLimits.topicChars), ""),
});
export type HandRaiseFrame = v.InferOutput<typeof HandRaiseFrame>;

/** The participant lowers their hand, or leaves the studio when they are live. */
export const HandLowerFrame = v.strictObject({ type: v.literal("hand/lower"), id: MutationId });
export type HandLowerFrame = v.InferOutput<typeof HandLowerFrame>;

export const HandModerationActions = ["approve", "dismiss", "end"] as const;
export type HandModerationAction = (typeof HandModerationActions)[number];

/** Moderators: approve a waiting hand into the stream room, dismiss it, or end a live contribution. */
export const HandModerateFrame = v.strictObject({
  type: v.literal("hand/moderate"),
  id: MutationId,
  registrationId: RegistrationRef,
  action: v.picklist(HandModerationActions),
});
export type HandModerateFrame = v.InferOutput<typeof HandModerateFrame>;

export const HandFrames = [HandRaiseFrame, HandLowerFrame, HandModerateFrame] as const;
export type HandFrame = HandRaiseFrame | HandLowerFrame | HandModerateFrame;

/** The tech-check verdict on record for the person (null: they never ran it). */
export type HandTechCheck = "pass" | "warn" | "fail" | "skipped" | null;

export const HandStatuses = ["waiting", "live"] as const;
export type HandStatus = (typeof HandStatuses)[number];

/** One raised hand as staff see it. */
export interface HandEntry {
  registrationId: string;
  name: string;
  topic: string;
  raisedAt: number;
  status: HandStatus;
  /** Undefined while the object is still reading it. */
  techCheck?: HandTechCheck;
  approvedAt: number | null;
}

/** Staff only: a hand appeared or changed. */
export type HandUpsertEvent = Sequenced<"hand/upsert", { hand: HandEntry }>;
/** Staff only: a hand is gone (lowered, dismissed, contribution ended). */
export type HandRemovedEvent = Sequenced<"hand/removed", { registrationId: string }>;
export type HandEvent = HandUpsertEvent | HandRemovedEvent;

export const HandEndReasons = ["lowered", "dismissed", "ended"] as const;
export type HandEndReason = (typeof HandEndReasons)[number];

/** A participant's own hand: their place in the queue, or the stream room they are live in. */
export type MyHand =
  | { status: "none"; reason?: HandEndReason }
  | { status: "waiting"; position: number; topic: string; raisedAt: number }
  | { status: "live"; streamRoomId: string; approvedAt: number };

/** Personal (not sequenced): the person's hand changed, or their place moved up. */
export type HandMineFrame = WireFrame<"hand/mine", { hand: MyHand }>;
