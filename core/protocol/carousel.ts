import * as v from "valibot";
import { EntityId, MutationId } from "./common";
import type { PersonCard } from "./networking";
import type { WireFrame } from "./wire";

/**
 * The chat carousel, in a carousel session: timed rounds in which the people who opted in are
 * paired at random (avoiding anyone they met before in this carousel, and respecting the
 * moderator's matching rules), with a short break between rounds. One shared clock: the object's
 * alarm moves the phases, and every page counts down to `endsAt` on the server's clock.
 *
 * The shared view (`carousel/state`) and each person's own (`carousel/you`, `carousel/contacts`)
 * are whole-state frames, sent after every hello and after every change, so a page that
 * reconnects is current without a replay.
 */
export const CarouselLimits = {
  minRoundMinutes: 1,
  maxRoundMinutes: 10,
  defaultRoundMinutes: 4,
  minBreakSeconds: 10,
  maxBreakSeconds: 120,
  defaultBreakSeconds: 30,
  /** "Extend this conversation": each agreed extension adds this much, to that group only… */
  extendMinutes: 2,
  /** …at most this many times. */
  maxExtensions: 2,
  maxRules: 3,
  /** A person whose connection dropped keeps their place this long before their partner is freed. */
  dropGraceSeconds: 20,
  /** People freed mid-round are paired again only if at least this much of the round is left. */
  minMidRoundSeconds: 60,
} as const;

export const CarouselRule = v.strictObject({
  /** A registration attribute (a form field's key or an organizer-set attribute). */
  attribute: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{1,40}$/, "must be an attribute name")),
  /** "different": mix people (e.g. organisations); "same": keep them together (e.g. language). */
  mode: v.picklist(["different", "same"]),
});
export type CarouselRule = v.InferOutput<typeof CarouselRule>;

/**
 * A page asks for the carousel's views (sent when its carousel panel appears, which can be after
 * the handshake, and after every reconnect), like `stage/subscribe`. Not a mutation.
 */
export const CarouselSubscribeFrame = v.strictObject({ type: v.literal("carousel/subscribe") });
export type CarouselSubscribeFrame = v.InferOutput<typeof CarouselSubscribeFrame>;

export const CarouselJoinFrame = v.strictObject({ type: v.literal("carousel/join"), id: MutationId });
export type CarouselJoinFrame = v.InferOutput<typeof CarouselJoinFrame>;

export const CarouselLeaveFrame = v.strictObject({ type: v.literal("carousel/leave"), id: MutationId });
export type CarouselLeaveFrame = v.InferOutput<typeof CarouselLeaveFrame>;

/** "Extend this conversation" (or take the wish back); applied when everyone in the group wants it. */
export const CarouselExtendFrame = v.strictObject({
  type: v.literal("carousel/extend"),
  id: MutationId,
  groupId: EntityId,
  want: v.boolean(),
});
export type CarouselExtendFrame = v.InferOutput<typeof CarouselExtendFrame>;

/** Save someone met in this carousel as a contact; details are shared only when both saved each other. */
export const CarouselSaveContactFrame = v.strictObject({
  type: v.literal("carousel/save-contact"),
  id: MutationId,
  registrationId: EntityId,
});
export type CarouselSaveContactFrame = v.InferOutput<typeof CarouselSaveContactFrame>;

/** Moderators: start the rounds (the first one begins at once) or stop them. */
export const CarouselStartFrame = v.strictObject({ type: v.literal("carousel/start"), id: MutationId });
export type CarouselStartFrame = v.InferOutput<typeof CarouselStartFrame>;

export const CarouselStopFrame = v.strictObject({ type: v.literal("carousel/stop"), id: MutationId });
export type CarouselStopFrame = v.InferOutput<typeof CarouselStopFrame>;

/** Moderators: round and break lengths (from the next round on) and matching rules. */
export const CarouselConfigureFrame = v.strictObject({
  type: v.literal("carousel/configure"),
  id: MutationId,
  roundMinutes: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(CarouselLimits.minRoundMinutes),
    v.maxValue(CarouselLimits.maxRoundMinutes),
  ),
  breakSeconds: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(CarouselLimits.minBreakSeconds),
    v.maxValue(CarouselLimits.maxBreakSeconds),
  ),
  rules: v.pipe(
    v.array(CarouselRule),
    v.maxLength(CarouselLimits.maxRules, `at most ${CarouselLimits.maxRules} rules`),
  ),
});
export type CarouselConfigureFrame = v.InferOutput<typeof CarouselConfigureFrame>;

export const CarouselFrames = [
  CarouselSubscribeFrame,
  CarouselJoinFrame,
  CarouselLeaveFrame,
  CarouselExtendFrame,
  CarouselSaveContactFrame,
  CarouselStartFrame,
  CarouselStopFrame,
  CarouselConfigureFrame,
] as const;
export type CarouselFrame =
  | CarouselSubscribeFrame
  | CarouselJoinFrame
  | CarouselLeaveFrame
  | CarouselExtendFrame
  | CarouselSaveContactFrame
  | CarouselStartFrame
  | CarouselStopFrame
  | CarouselConfigureFrame;

export const CarouselPhases = ["idle", "round", "break"] as const;
export type CarouselPhase = (typeof CarouselPhases)[number];

export interface CarouselConfig {
  roundMinutes: number;
  breakSeconds: number;
  rules: CarouselRule[];
}

export interface CarouselView extends CarouselConfig {
  phase: CarouselPhase;
  /** The current (or last) round, from 1; 0 before the first. */
  round: number;
  /** When the phase ends, on the server's clock; null when idle. */
  endsAt: number | null;
  /** How many opted in, are talking now, are waiting, and have lost their connection. */
  counts: { joined: number; paired: number; waiting: number; away: number };
}

/**
 * Why someone is not talking to anyone right now. Never silent: the page says each of these.
 * `not_running`: the first round has not started; `stopped`: a moderator stopped the carousel
 * after it ran (a start begins a new round); `alone`: nobody else is waiting;
 * `no_compatible_partner`: the matching rules allow nobody who is waiting; `partner_left`: their
 * partner left or lost the connection mid-round.
 */
export const CarouselWaitReasons = [
  "not_running",
  "stopped",
  "next_round",
  "break",
  "alone",
  "no_compatible_partner",
  "partner_left",
] as const;
export type CarouselWaitReason = (typeof CarouselWaitReasons)[number];

export interface CarouselGroupView {
  id: string;
  /** The group's call in this session, for the call view and the join endpoint. */
  call: string;
  round: number;
  partners: PersonCard[];
  endsAt: number;
  extensions: number;
  /** Who in the group wants to extend (registration ids, this person included). */
  extendVotes: string[];
}

export type CarouselMine =
  | { status: "out" }
  | { status: "waiting"; reason: CarouselWaitReason; away: boolean }
  | { status: "paired"; group: CarouselGroupView };

export interface CarouselContact {
  person: PersonCard;
  /** The round they first met in. */
  round: number;
  /** This person saved them. */
  saved: boolean;
  /** Both saved each other: the contact details are in `GET /api/me/contacts`. */
  mutual: boolean;
}

export type CarouselStateFrame = WireFrame<"carousel/state", { carousel: CarouselView }>;
export type CarouselYouFrame = WireFrame<"carousel/you", { you: CarouselMine }>;
export type CarouselContactsFrame = WireFrame<"carousel/contacts", { contacts: CarouselContact[] }>;

export type CarouselServerFrame = CarouselStateFrame | CarouselYouFrame | CarouselContactsFrame;
