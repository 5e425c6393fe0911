import type { ClientFrameType } from "../../../core/protocol";
import type { RoomKind } from "../../../core/protocol/networking";

/** A client frame's feature: the part of its type before the slash (`poll/vote` → `poll`). */
export type FrameFeature = ClientFrameType extends infer T ? (T extends `${infer F}/${string}` ? F : T) : never;

/**
 * Which rooms each feature's frames belong to. The hub carries only what follows a person around
 * the portal (invitations and their calls); the carousel's frames only make sense in a carousel;
 * invitations only in the hub. A new feature must say where it belongs (the record is exhaustive).
 */
const PROGRAMME = ["stage", "breakout", "carousel", "stream-room"] as const satisfies readonly RoomKind[];
const EVERYWHERE = [...PROGRAMME, "hub"] as const satisfies readonly RoomKind[];

const homes: Record<FrameFeature, readonly RoomKind[]> = {
  hello: EVERYWHERE,
  clock: EVERYWHERE,
  rtc: EVERYWHERE,
  stage: PROGRAMME,
  chat: PROGRAMME,
  qa: PROGRAMME,
  poll: PROGRAMME,
  quiz: PROGRAMME,
  wordcloud: PROGRAMME,
  reaction: PROGRAMME,
  nav: PROGRAMME,
  // Raise hand answers "does this session have a stream room" itself; the matrix runs in any session.
  hand: PROGRAMME,
  matrix: PROGRAMME,
  invite: ["hub"],
  carousel: ["carousel"],
};

/** Call moderation has no place in private 1:1 calls: nobody but the two may act on them. */
const notInHub: ReadonlySet<ClientFrameType> = new Set(["rtc/remove", "rtc/end"]);

/**
 * Whether a frame belongs in a room of this kind. A room whose kind is unknown (its session was
 * deleted) keeps the programme features it always had, and nothing else.
 */
export function frameBelongs(kind: RoomKind | undefined, type: ClientFrameType): boolean {
  const feature = type.split("/")[0] as FrameFeature;
  if (kind === "hub" && notInHub.has(type)) return false;
  const home = homes[feature];
  return kind === undefined ? home === PROGRAMME || home === EVERYWHERE : home.includes(kind);
}
