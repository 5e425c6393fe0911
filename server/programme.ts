import { currentSessionAt, FOLLOWABLE_KINDS } from "../core/protocol/programme";
import type { Language } from "../core/protocol/identity";
import type { ProgrammeItem, ProgrammeResponse, SessionStatus } from "../core/contract/index";
import type { ProgrammeSessionRow } from "./db/schema";
import { inAudience, type AudienceSubject } from "../core/rules/audience";
import { textOf } from "./texts";
import { toZonedIso } from "./time";

export const statusAt = (s: Pick<ProgrammeSessionRow, "startsAt" | "endsAt">, now: number): SessionStatus =>
  now < s.startsAt ? "upcoming" : now < s.endsAt ? "live" : "ended";

/** Whether a session is in this person's programme (stream rooms never are: they are entered by invitation). */
export const inProgramme = (
  s: Pick<ProgrammeSessionRow, "id" | "kind" | "audience">,
  subject: AudienceSubject,
): boolean => s.kind !== "stream-room" && inAudience(s.audience, s.id, subject);

/** Whom a programme is written for: the event's clock and languages, and the reader's language. */
export interface ProgrammeEvent {
  timezone: string;
  languages: readonly Language[];
}

/**
 * One person's programme: the sessions they may see, in start order, with what is live now and
/**
 * One person's programme: the sessions they may see, in start order, with what is live now and
 * what comes next, titles and descriptions in `language` (or the event's first language where
 * the organizer did not write that one). "Live" is where the person should be, by the rule the
 * portal follows (`currentSessionAt`): when sessions overlap, the one that started last (a
 * breakout that starts during a stage takes the person there), and of parallel selectable
 * sessions the one they selected; while they have yet to choose, what runs around them.
 */
export function buildProgramme(
  sessions: readonly ProgrammeSessionRow[],
  subject: AudienceSubject,
  event: ProgrammeEvent,
  now: number,
  language: Language,
): ProgrammeResponse {
  const timezone = event.timezone;
  const visible = sessions
    .filter((s) => inProgramme(s, subject))
    .sort((a, b) => a.startsAt - b.startsAt || a.endsAt - b.endsAt || a.id.localeCompare(b.id));
  const items: ProgrammeItem[] = visible.map((s) => ({
    id: s.id,
    kind: s.kind,
    title: textOf(s, "title", language, event.languages),
    description: textOf(s, "description", language, event.languages),
    startsAt: new Date(s.startsAt).toISOString(),
    endsAt: new Date(s.endsAt).toISOString(),
    startsAtLocal: toZonedIso(s.startsAt, timezone),
    endsAtLocal: toZonedIso(s.endsAt, timezone),
    status: statusAt(s, now),
    selectable: s.selectable,
    selected: subject.selections.includes(s.id),
  }));
  const live = currentSessionAt(
    visible.map((s) => ({ ...s, selected: subject.selections.includes(s.id) })),
    now,
  );
  const next = visible.find((s) => FOLLOWABLE_KINDS.has(s.kind) && statusAt(s, now) === "upcoming");
  return {
    timezone,
    language,
    now: new Date(now).toISOString(),
    sessions: items,
    liveSessionId: live?.id ?? null,
    nextSessionId: next?.id ?? null,
  };
}
