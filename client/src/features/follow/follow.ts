/**
 * "Follow my programme": where the portal should take a person, and when. Pure, so the rules
 * are unit-tested; the portal feeds it the programme, the server-synced clock and where the
 * person is, and shows a countdown (with a way to stay) when it proposes a move, or asks which of
 * two parallel sessions the person wants when they selected neither.
 */
import type { ProgrammeItem } from "../../../../core/contract/index";
import { currentSessionAt, pendingSelection, type PlannedSession } from "../../../../core/protocol/programme";

/** A session of the person's programme, with whether it is selectable and selected. */
export type FollowSession = PlannedSession;

/** The rules' view of a programme entry (times as epoch ms). */
export const followSession = (s: ProgrammeItem): FollowSession => ({
  id: s.id,
  kind: s.kind,
  startsAt: Date.parse(s.startsAt),
  endsAt: Date.parse(s.endsAt),
  selectable: s.selectable,
  selected: s.selected,
});

export type Place = { kind: "home" } | { kind: "session"; sessionId: string };

export interface FollowInput {
  sessions: readonly FollowSession[];
  now: number;
  follow: boolean;
  place: Place;
  /**
   * Programme targets the person has seen or said they want to stay away from, and selections
   * they put off (`selectionKey`). Never a reason to ignore a moderator's send: that is
   * `sendDeclined`.
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
  | { kind: "move"; to: Place; reason: "started" | "ended" | "moderator" | "arrived" }
  /** Parallel sessions are live and the person selected none (or several) of them: ask. */
  | { kind: "choose"; options: string[] };

const HOME = "home";

const key = (p: Place) => (p.kind === "home" ? HOME : p.sessionId);

/** What "not now" to a selection remembers: the same options are not asked about again. */
export const selectionKey = (options: readonly string[]) => `select:${[...options].sort().join(" ")}`;

/**
 * The session the person should be in now (see `currentSessionAt`: of those live, the one that
 * started last, their selection among parallel ones), or home.
 */
export function targetAt(sessions: readonly FollowSession[], now: number): Place {
  const current = currentSessionAt(sessions, now);
  return current ? { kind: "session", sessionId: current.id } : { kind: "home" };
}

/** The parallel sessions to ask the person about now, unless they are in one or put it off. */
function selectionToAsk(input: FollowInput): string[] | undefined {
  const options = pendingSelection(input.sessions, input.now)?.map((s) => s.id);
  if (!options || input.declined.has(selectionKey(options))) return undefined;
  // Someone already in one of them picked it for now: asking would pull them out of it.
  return options.includes(key(input.place)) ? undefined : options;
}

/**
 * What to do now. A moderator's "everyone to …" wins unless the person declined that send (having
 * seen or declined the same place as a programme target does not count: the send is news);
 * otherwise, with follow on, parallel sessions with no selection are asked about, and the person
 * is moved to the programme's target unless they declined it. A session that has ended always
 * sends the person on (to what is live, or home), even with follow off: staying in an ended room
 * helps nobody.
 */
export function decideFollow(input: FollowInput): FollowDecision {
  const { place, now } = input;
  if (input.sentTo && !input.staff && key(place) !== input.sentTo && !input.sendDeclined) {
    return { kind: "move", to: { kind: "session", sessionId: input.sentTo }, reason: "moderator" };
  }
  const current = place.kind === "session" ? input.sessions.find((s) => s.id === place.sessionId) : undefined;
  const target = targetAt(input.sessions, now);
  const ended = place.kind === "session" && (!current || now >= current.endsAt);
  const ask = input.follow ? selectionToAsk(input) : undefined;
  if (ask) return { kind: "choose", options: ask };
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
