/**
 * The session protocol, shared by the Durable Object and the browser client. Client frames are
 * validated with valibot at the door; server frames are a typed union sent with `satisfies`.
 * Keep this folder free of Workers or DOM runtime imports.
 */
import * as v from "valibot";
import { CarouselFrames, type CarouselServerFrame } from "./carousel";
import { ChatFrames, type ChatMuteStateFrame } from "./chat";
import { ClockPingFrame, type ClockPongFrame } from "./clock";
import type { ErrorFrame } from "./errors";
import { HandFrames, type HandMineFrame } from "./hand";
import { HelloFrame, type WelcomeFrame } from "./hello";
import { MatrixFrames, type MatrixShownFrame } from "./matrix";
import { InviteFrames, type InviteServerFrame } from "./invite";
import {
  RtcEndFrame,
  RtcJoinFrame,
  RtcLeaveFrame,
  RtcMediaFrame,
  RtcRemoveFrame,
  RtcSignalFrame,
  type RtcServerFrame,
} from "./rtc";
import { StageSubscribeFrame, type StageStatusFrame } from "./stage";
import { NavFrames } from "./nav";
import { PollFrames } from "./poll";
import type { PresenceCountFrame } from "./presence";
import { QaFrames, type QaMineFrame } from "./qa";
import { QuizFrames, type QuizStandingFrame } from "./quiz";
import { ReactionFrames, type ReactionBurstFrame } from "./reaction";
import type { AckFrame, BatchFrame, MeFrame, SessionEvent, SnapshotFrame } from "./sync";
import { WordcloudFrames } from "./wordcloud";

export * from "./carousel";
export * from "./chat";
export * from "./clock";
export * from "./common";
export * from "./errors";
export * from "./hand";
export * from "./hello";
export * from "./item-texts";
export * from "./matrix";
export * from "./identity";
export * from "./invite";
export * from "./items";
export * from "./networking";
export * from "./rtc";
export * from "./stage";
export * from "./limits";
export * from "./nav";
export * from "./poll";
export * from "./presence";
export * from "./qa";
export * from "./quiz";
export * from "./reaction";
export * from "./sync";
export * from "./wire";
export * from "./wordcloud";

export { PROTOCOL_VERSION } from "./version";

/** Raw text frames answered by the runtime itself, without waking a hibernating object. */
export const KEEPALIVE = { ping: "ping", pong: "pong" } as const;

/** Websocket close codes (4000–4999 are ours). */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  policy: 1008,
  tooLarge: 1009,
  serverError: 1011,
  protocolMismatch: 4000,
  unauthorized: 4001,
  forbidden: 4003,
  removed: 4004,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

export const ClientFrame = v.variant("type", [
  HelloFrame,
  ClockPingFrame,
  RtcJoinFrame,
  RtcLeaveFrame,
  RtcSignalFrame,
  RtcMediaFrame,
  RtcRemoveFrame,
  RtcEndFrame,
  StageSubscribeFrame,
  ...ChatFrames,
  ...QaFrames,
  ...PollFrames,
  ...QuizFrames,
  ...WordcloudFrames,
  ...ReactionFrames,
  ...NavFrames,
  ...HandFrames,
  ...MatrixFrames,
  ...InviteFrames,
  ...CarouselFrames,
]);
export type ClientFrame = v.InferOutput<typeof ClientFrame>;
export type ClientFrameType = ClientFrame["type"];
export const clientFrameTypes: ReadonlySet<string> = new Set(ClientFrame.options.map((o) => o.entries.type.literal));

/** Client frames that change state carry a mutation id; the rest (hello, clock, reactions) do not. */
export type MutationFrame = Extract<ClientFrame, { id: string }>;

export type ServerFrame =
  | WelcomeFrame
  | ClockPongFrame
  | ErrorFrame
  | AckFrame
  | BatchFrame
  | SnapshotFrame
  | MeFrame
  | SessionEvent
  | PresenceCountFrame
  | ReactionBurstFrame
  | ChatMuteStateFrame
  | QaMineFrame
  | QuizStandingFrame
  | RtcServerFrame
  | StageStatusFrame
  | HandMineFrame
  | MatrixShownFrame
  | InviteServerFrame
  | CarouselServerFrame;
export type ServerFrameType = ServerFrame["type"];
