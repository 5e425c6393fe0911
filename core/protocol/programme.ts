/**
 * Where a person should be in their programme at a moment. One rule, pure, for the worker (the
 * programme's live session) and the portal (follow my programme), so both always agree.
 *
 * Sessions that start later win over ones already running (a breakout during the stage takes the
 * person there). Selectable sessions that overlap in time are alternatives: the person goes to the
 * one they selected, and when several are live at once with no single selection among them, the
 * person is asked (`pendingSelection`) instead of being sent to whichever id happens to sort last.
 */
import type { SessionKind } from "./identity";

export interface PlannedSession {
  id: string;
  kind: SessionKind;
  /** Epoch ms. */
  startsAt: number;
  endsAt: number;
  /** Offered as a choice (on the registration form, in the portal). */
  selectable?: boolean | undefined;
  /** This person selected it. */
  selected?: boolean | undefined;
}

/** Kinds a person is taken to automatically; stream rooms are entered by invitation only. */
export const FOLLOWABLE_KINDS: ReadonlySet<SessionKind> = new Set(["stage", "breakout", "carousel"]);

const overlaps = (a: PlannedSession, b: PlannedSession) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** The selectable sessions that run at the same time as `session` (alternatives to it), itself excluded. */
export function parallelTo(sessions: readonly PlannedSession[], session: PlannedSession): PlannedSession[] {
  if (!session.selectable) return [];
  return sessions.filter(
    (s) => s.id !== session.id && s.selectable && FOLLOWABLE_KINDS.has(s.kind) && overlaps(s, session),
  );
}

/** A selectable session the person passed over by selecting one that runs at the same time. */
const passedOver = (sessions: readonly PlannedSession[], s: PlannedSession) =>
  !s.selected && parallelTo(sessions, s).some((o) => o.selected);

/** Live sessions the person may be taken to, oldest start first (ties by id, so the order is stable). */
function candidatesAt(sessions: readonly PlannedSession[], now: number): PlannedSession[] {
  return sessions
    .filter((s) => FOLLOWABLE_KINDS.has(s.kind) && s.startsAt <= now && now < s.endsAt && !passedOver(sessions, s))
    .sort((a, b) => a.startsAt - b.startsAt || a.id.localeCompare(b.id));
}

/**
 * The live selectable sessions the person has to choose between now (at least two, in start
 * order), or undefined when there is nothing to choose. One selected among them leaves nothing to
 * choose (the others were passed over); two or more selected at once (the registration form
 * allows that) are what they choose between.
 */
export function pendingSelection(sessions: readonly PlannedSession[], now: number): PlannedSession[] | undefined {
  const options = candidatesAt(sessions, now).filter((s) => s.selectable);
  return options.length >= 2 ? options : undefined;
}

/**
 * The session the person should be in now: of those live, the one that started last, leaving out
 * alternatives they passed over and, while a selection is pending, the alternatives themselves
 * (the person stays with what runs around them, such as the stage, until they choose).
 */
export function currentSessionAt(sessions: readonly PlannedSession[], now: number): PlannedSession | undefined {
  const pending = new Set(pendingSelection(sessions, now)?.map((s) => s.id));
  return candidatesAt(sessions, now)
    .filter((s) => !pending.has(s.id))
    .at(-1);
}
