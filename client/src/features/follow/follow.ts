/**
 * "Follow my programme": where the portal should take a person, and when. Pure, so the rules
 * are unit-tested; the portal feeds it the programme, the server-synced clock and where the
 * person is, and shows a countdown (with a way to stay) when it proposes a move.
 */
import type { SessionKind } from "../../../../durable-objects/session/protocol/identity";

export interface FollowSession {
  id: string;
  kind: SessionKind;
  /** Epoch ms. */
  startsAt: number;
  endsAt: number;
}

export type Place = { kind: "home" } | { kind: "session"; sessionId: string };

export interface FollowInput {
  sessions: readonly FollowSession[];
  now: number;
  follow: boolean;
  place: Place;
  /**
   * Programme targets the person has seen or said they want to stay away from. Never a reason to
   * ignore a moderator's send: that is `sendDeclined`.
   */
  declined: ReadonlySet<string>;
  /** A moderator's "everyone to …" for the session the person is in, if any and still fresh. */
  sentTo?: string | undefined;
  /** The person said "stay" to this very send (a new send asks again). */
  sendDeclined?: boolean | undefined;
  /**
   * Moderators and producers run the session: a send moves its audience, not them (a moderator
   * carried off by their own send could no longer take it back from where they sent it).
   */
  staff?: boolean | undefined;
}

export type FollowDecision =
  | { kind: "stay" }
  | { kind: "move"; to: Place; reason: "started" | "ended" | "moderator" | "arrived" };

const FOLLOWABLE: ReadonlySet<SessionKind> = new Set(["stage", "breakout", "carousel"]);
const HOME = "home";

const key = (p: Place) => (p.kind === "home" ? HOME : p.sessionId);

/** The session the person should be in now: of those live, the one that started last. */
export function targetAt(sessions: readonly FollowSession[], now: number): Place {
  const live = sessions
    .filter((s) => FOLLOWABLE.has(s.kind) && s.startsAt <= now && now < s.endsAt)
    .sort((a, b) => a.startsAt - b.startsAt || a.id.localeCompare(b.id));
  const last = live.at(-1);
  return last ? { kind: "session", sessionId: last.id } : { kind: "home" };
}

/**
 * What to do now. A moderator's "everyone to …" wins unless the person declined that send (having
 * seen or declined the same place as a programme target does not count: the send is news);
 * otherwise, with follow on, the person is
 * moved to the programme's target unless they declined it. A session that has ended always sends
 * the person on (to what is live, or home), even with follow off: staying in an ended room helps
 * nobody.
 */
export function decideFollow(input: FollowInput): FollowDecision {
  const { place, now } = input;
  if (input.sentTo && !input.staff && key(place) !== input.sentTo && !input.sendDeclined) {
    return { kind: "move", to: { kind: "session", sessionId: input.sentTo }, reason: "moderator" };
  }
  const current = place.kind === "session" ? input.sessions.find((s) => s.id === place.sessionId) : undefined;
  const target = targetAt(input.sessions, now);
  const ended = place.kind === "session" && (!current || now >= current.endsAt);
  if (ended) {
    return { kind: "move", to: input.follow || target.kind === "home" ? target : { kind: "home" }, reason: "ended" };
  }
  if (!input.follow || key(target) === key(place) || input.declined.has(key(target))) return { kind: "stay" };
  // A live session that merely started earlier than another one still running is no reason to
  // pull someone out of where they chose to be: only move to sessions that started since.
  if (current && target.kind === "session") {
    const next = input.sessions.find((s) => s.id === target.sessionId)!;
    if (next.startsAt <= current.startsAt) return { kind: "stay" };
  }
  if (target.kind === "home") return { kind: "stay" };
  return { kind: "move", to: target, reason: "started" };
}

/** Where a fresh page load (another device, a reload) should land, without a countdown. */
export function landingPlace(sessions: readonly FollowSession[], now: number, follow: boolean): Place {
  return follow ? targetAt(sessions, now) : { kind: "home" };
}
