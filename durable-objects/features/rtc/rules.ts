import { isStaff, type Role, type SessionKind } from "../../../core/protocol/identity";
import { ErrorFrameCode } from "../../../core/protocol/errors";
import type { Admission, RefusalReason, RtcMediaState, RtcPeer } from "../../../core/protocol/rtc";
import { MAIN_CALL } from "../../../core/contract/media";
import { MATRIX_CALL } from "../../../core/protocol/matrix";

/**
 * Who may be in which call, as pure functions (unit-tested directly). The roster itself lives in
 * the sockets' attachments, so it survives hibernation and dies with the sockets: no stale
 * "in call" state after a crash, and nothing to persist.
 */
export interface RtcMembership {
  call: string;
  peer: string;
  media: RtcMediaState;
  joinedAt: number;
  /** A producer output page (receives only; the hub of a star call). */
  output?: boolean;
}

/** What the roster reads from a socket attachment (SocketAttachment plus this feature's `rtc` field). */
export interface RosterEntry {
  registrationId: string;
  name: string;
  role: Role;
  rtc?: RtcMembership | undefined;
}
/** Where a call is: in a programme session of some kind, or in an event's hub (a 1:1). */
export type CallPlace = SessionKind | "hub";

export interface AdmissionInput {
  kind: CallPlace;
  call: string;
  registrationId: string;
  role: Role;
  /** A moderator removed this person from this call earlier. */
  removed: boolean;
  /** The call's explicit members (a pair, stream-room invitations); undefined when it has no list. */
  members: ReadonlySet<string> | undefined;
  /** Other people in the call now (the person's own earlier tab does not count). */
  othersInCall: number;
  /** The mesh cap, or null when the provider has no small cap (Chime). */
  maxPeers: number | null;
  /** Joining as a producer output page. */
  output?: boolean;
}

/**
 * A star call (the participants matrix): everyone connects to the output pages only, never to
 * each other, so each person sends one stream and the page receives one per tile. Ordinary calls
 * are a full mesh (or a Chime meeting).
 */
export const isStarCall = (call: string): boolean => call === MATRIX_CALL;

/** Whether `viewer` learns of `peer` (joins, leaves, media) and may exchange signalling with it. */
export const sees = (
  call: string,
  viewer: { output?: boolean | undefined },
  peer: { output?: boolean | undefined },
): boolean => !isStarCall(call) || !!viewer.output || !!peer.output;

const refuse = (reason: RefusalReason, message: string): Admission => ({
  ok: false,
  code: reason === "full" ? ErrorFrameCode.limitReached : ErrorFrameCode.notAllowed,
  reason,
  message,
});

export function admit(input: AdmissionInput): Admission {
  const staff = isStaff(input.role);
  const listed = input.members?.has(input.registrationId) ?? false;
  if (input.output && !staff) return refuse("not_invited", "Only producers and moderators can open an output page.");
  if (isStarCall(input.call)) {
    // The matrix call exists in every session: output pages, and the people a moderator put on screen.
    if (!input.output && !listed) return refuse("not_paired", "The matrix shows only the people it picked right now.");
    return input.removed ? refuse("removed", "A moderator removed you from this call.") : { ok: true };
  }
  switch (input.kind) {
    case "stage":
      return refuse("no_call", "A stage has no call of its own; its stream room does.");
    case "breakout":
      if (input.call !== MAIN_CALL && !listed && !staff) return refuse("not_paired", "You are not part of this call.");
      break;
    case "carousel":
      if (input.call === MAIN_CALL)
        return refuse("not_paired", "The carousel pairs people up: you will be matched in the next round.");
      if (!listed && !staff) return refuse("not_paired", "You are not part of this carousel pair.");
      break;
    case "stream-room":
      if (!staff && !listed) return refuse("not_invited", "The stream room is open to people a moderator invited.");
      break;
    case "hub":
      // A 1:1 is private: its two members and nobody else, staff included.
      if (!listed) return refuse("not_paired", "This one-to-one call is for its two people only.");
      break;
    default:
      return input.kind satisfies never;
  }
  if (input.removed) return refuse("removed", "A moderator removed you from this call.");
  if (input.maxPeers !== null && input.othersInCall >= input.maxPeers) {
    return refuse(
      "full",
      `This call is full: a peer-to-peer call holds at most ${input.maxPeers} people. Try again when someone leaves.`,
    );
  }
  return { ok: true };
}

/** The people in one call, from the session's socket attachments. */
export function rosterOf(attachments: readonly RosterEntry[], call: string): RtcPeer[] {
  const peers: RtcPeer[] = [];
  for (const a of attachments) {
    if (a.rtc?.call !== call) continue;
    peers.push({
      peer: a.rtc.peer,
      registrationId: a.registrationId,
      name: a.name,
      role: a.role,
      media: a.rtc.media,
      ...(a.rtc.output ? { output: true } : {}),
    });
  }
  return peers;
}

/** Signalling goes only between two distinct peers of the same call. */
export function mayRelay(from: RtcMembership | undefined, to: RtcMembership | undefined, call: string): boolean {
  return !!from && !!to && from.call === call && to.call === call && from.peer !== to.peer && sees(call, from, to);
}

export const NO_MEDIA: RtcMediaState = { audio: false, video: false, screen: false };

/** Peer ids are random per join, so a rejoin is a new peer and stale signalling cannot reach it. */
export function newPeerId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => "abcdefghijklmnopqrstuvwxyz0123456789"[b % 36]).join("");
}
