import { HandLimits, type HandEntry, type HandModerationAction, type MyHand } from "../../../../core/protocol/hand";
import { positionOf } from "../../../../core/rules/hand-queue";
import { ok, refuse, type Outcome } from "../../../../core/rules/outcome";
import { cleanText } from "../../../../core/rules/text";

export function myHand(hands: readonly HandEntry[], registrationId: string, streamRoomId: string | null): MyHand {
  const mine = hands.find((h) => h.registrationId === registrationId);
  if (!mine) return { status: "none" };
  if (mine.status === "live" && streamRoomId)
    return { status: "live", streamRoomId, approvedAt: mine.approvedAt ?? mine.raisedAt };
  return {
    status: "waiting",
    position: positionOf(hands, registrationId) ?? 1,
    topic: mine.topic,
    raisedAt: mine.raisedAt,
  };
}

export type RaiseDecision = { kind: "new"; topic: string } | { kind: "topic"; topic: string };

export function decideRaise(
  existing: Pick<HandEntry, "status"> | undefined,
  rawTopic: string,
  context: { staff: boolean; hasStreamRoom: boolean; waiting: number },
): Outcome<RaiseDecision> {
  if (context.staff)
    return refuse("not_allowed", "Staff are in the studio already; raising a hand is for participants.");
  if (!context.hasStreamRoom) return refuse("closed", "This stage takes no raised hands: it has no stream room.");
  if (existing?.status === "live") return refuse("conflict", "You are in the studio already.");
  let topic = "";
  if (rawTopic.trim() !== "") {
    const cleaned = cleanText(rawTopic, HandLimits.topicChars, { field: "topic" });
    if (!cleaned.ok) return cleaned;
    topic = cleaned.value;
  }
  if (existing) return ok({ kind: "topic", topic });
  if (context.waiting >= HandLimits.queueMax)
    return refuse("limit_reached", "The queue is full right now. Try again in a little while.");
  return ok({ kind: "new", topic });
}

/** What a moderator's action does to a hand in a given state. */
export function decideModeration(
  hand: Pick<HandEntry, "status"> | undefined,
  action: HandModerationAction,
): Outcome<"live" | "gone"> {
  if (!hand) return refuse("not_found", "That hand is no longer raised.");
  switch (action) {
    case "approve":
      return hand.status === "waiting" ? ok("live") : refuse("conflict", "This person is in the studio already.");
    case "dismiss":
      return hand.status === "waiting"
        ? ok("gone")
        : refuse("conflict", "This person is live: end the contribution instead.");
    case "end":
      return hand.status === "live" ? ok("gone") : refuse("conflict", "This person is not in the studio.");
    default:
      return action satisfies never;
  }
}

/** The people in the studio: whom the stream room admits besides staff. */
export const liveGuests = (hands: readonly Pick<HandEntry, "registrationId" | "status">[]): string[] =>
  hands
    .filter((h) => h.status === "live")
    .map((h) => h.registrationId)
    .sort();
