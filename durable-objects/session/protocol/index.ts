/**
 * The session protocol, shared by the Durable Object and the browser client. Client frames are
 * validated with valibot at the door; server frames are a typed union sent with `satisfies`.
 * Keep this folder free of Workers or DOM runtime imports.
 */
import * as v from "valibot";
import { ClockPingFrame, type ClockPongFrame } from "./clock";
import type { ErrorFrame } from "./errors";
import { HelloFrame, type WelcomeFrame } from "./hello";
import { RtcEndFrame, RtcJoinFrame, RtcLeaveFrame, RtcMediaFrame, RtcRemoveFrame, RtcSignalFrame, type RtcServerFrame } from "./rtc";
import { StageSubscribeFrame, type StageStatusFrame } from "./stage";

export * from "./clock";
export * from "./errors";
export * from "./hello";
export * from "./identity";
export * from "./rtc";
export * from "./stage";
export * from "./wire";

export const PROTOCOL_VERSION = 1;

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
]);
export type ClientFrame = v.InferOutput<typeof ClientFrame>;
export type ClientFrameType = ClientFrame["type"];
export const clientFrameTypes: ReadonlySet<string> = new Set(ClientFrame.options.map((o) => o.entries.type.literal));

export type ServerFrame = WelcomeFrame | ClockPongFrame | ErrorFrame | RtcServerFrame | StageStatusFrame;
export type ServerFrameType = ServerFrame["type"];
