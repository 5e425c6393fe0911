import type { LiveWhen } from "../contract/live";

/**
 * Doors open this long before a session starts and it stays open this long after it ends: people
 * arrive early and linger, and the control room should still see them.
 */
export const DOORS_MS = 15 * 60_000;

/** Where a session stands in the programme at `now`. */
export function liveWhen(s: { startsAt: number; endsAt: number }, now: number): LiveWhen {
  if (now >= s.endsAt + DOORS_MS) return "ended";
  if (now >= s.startsAt && now < s.endsAt + DOORS_MS) return "now";
  if (now >= s.startsAt - DOORS_MS) return "soon";
  return "later";
}

/**
 * Only open sessions are asked for their figures: asking an object wakes it (or makes it), and an
 * event's sessions of yesterday or this afternoon have nobody in them.
 */
export const isOpen = (when: LiveWhen): boolean => when === "now" || when === "soon";

/**
 * The sessions whose people "send everyone to …" moves: every open one but the target. A stream
 * room is left alone: its guests are on air, and only the moderator who approved them ends that.
 */
export function followSources<T extends { id: string; kind: string; when: LiveWhen }>(
  sessions: readonly T[],
  to: string,
): T[] {
  return sessions.filter((s) => s.id !== to && s.kind !== "stream-room" && isOpen(s.when));
}

/** A figure over the sessions that answered (unknown ones add nothing). */
export const sumKnown = (values: readonly (number | null)[]): number =>
  values.reduce<number>((a, v) => a + (v ?? 0), 0);
