import type { AdminEvent } from "../../../../../core/contract/index";
import { Languages, type Language } from "../../../../../core/protocol/identity";
import type { PerLanguage } from "../../../../../core/protocol/localized";
import { fromLocal, type LocalDateTime, toLocal } from "../../../../../core/rules/zoned-time";
import { ApiFailure } from "../../../lib/api";
import type { AdminKey } from "../../i18n";

/**
 * An event's details as the form holds them: texts per language, times as the event's own clock
 * shows them, numbers as typed. Pure (unit tested): the form components only draw it.
 */
export interface EventDraft {
  title: PerLanguage;
  description: PerLanguage;
  slug: string;
  timezone: string;
  starts: LocalDateTime;
  ends: LocalDateTime;
  /** The event's languages, its default (first) language first. */
  languages: Language[];
  inviteLeadMinutes: string;
  registrationOpen: boolean;
  /** Empty: no limit. */
  capacity: string;
}

/** The fields of the form, in the order they appear: where focus goes for the first problem. */
export const DRAFT_FIELDS = [
  ...Languages.map((l) => `title.${l}` as const),
  "slug",
  "timezone",
  "startsAt",
  "endsAt",
  "languages",
  "inviteLeadMinutes",
  "registrationOpen",
  "capacity",
  ...Languages.map((l) => `description.${l}` as const),
] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

const perLanguage = (text: AdminEvent["title"], first: Language): PerLanguage =>
  typeof text === "string" ? { [first]: text } : { ...text };

/** The browser's own zone: a good first guess for a new event's. */
export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** The form for an existing event, or a new one (tomorrow 10:00–17:00 where the organizer is). */
export function draftOf(event: AdminEvent | undefined, now = Date.now(), zone = browserZone()): EventDraft {
  if (!event) {
    const tomorrow = toLocal(now + 86_400_000, zone).slice(0, 10);
    return {
      title: {},
      description: {},
      slug: "",
      timezone: zone,
      starts: `${tomorrow}T10:00`,
      ends: `${tomorrow}T17:00`,
      languages: ["en", "nl"],
      inviteLeadMinutes: "180",
      registrationOpen: true,
      capacity: "",
    };
  }
  const first = event.languages[0] ?? event.defaultLanguage;
  return {
    title: perLanguage(event.title, first),
    description: perLanguage(event.description, first),
    slug: event.slug,
    timezone: event.timezone,
    starts: toLocal(Date.parse(event.startsAt), event.timezone),
    ends: toLocal(Date.parse(event.endsAt), event.timezone),
    languages: [...event.languages],
    inviteLeadMinutes: String(event.inviteLeadMinutes),
    registrationOpen: event.registrationOpen,
    capacity: event.capacity === null ? "" : String(event.capacity),
  };
}

export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** A slug suggested from a title: "Foyer Demo Day 2026" → "foyer-demo-day-2026". */
export function slugFrom(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}

const wholeIn = (s: string, min: number, max: number) => /^\d+$/.test(s.trim()) && +s >= min && +s <= max;

/** What is wrong before anything is sent, field by field (the server checks it all again). */
export function problemsOf(d: EventDraft): Partial<Record<DraftField, AdminKey>> {
  const out: Partial<Record<DraftField, AdminKey>> = {};
  const first = d.languages[0];
  if (first && !d.title[first]?.trim()) out[`title.${first}`] = "admin.events.error.title";
  if (!SLUG.test(d.slug) || d.slug.startsWith("evt_")) out.slug = "admin.events.error.slug";
  const starts = fromLocal(d.starts, d.timezone);
  const ends = fromLocal(d.ends, d.timezone);
  if (starts === undefined) out.startsAt = "admin.events.error.time";
  if (ends === undefined) out.endsAt = "admin.events.error.time";
  else if (starts !== undefined && ends <= starts) out.endsAt = "admin.events.error.endsBeforeStart";
  if (d.languages.length === 0) out.languages = "admin.events.error.languages";
  if (!wholeIn(d.inviteLeadMinutes, 0, 43_200)) out.inviteLeadMinutes = "admin.events.error.lead";
  if (d.capacity.trim() !== "" && !wholeIn(d.capacity, 1, 1_000_000)) out.capacity = "admin.events.error.capacity";
  return out;
}

/** Only the languages of the event, and only what was written: an empty text falls back to the first. */
function texts(t: PerLanguage, languages: readonly Language[]): PerLanguage {
  return Object.fromEntries(
    languages.flatMap((l) => (t[l]?.trim() ? [[l, t[l]!.trim()] as const] : [])),
  ) as PerLanguage;
}

/** The body for `POST /api/admin/events` or `PATCH /api/admin/events/:id` (call after `problemsOf` found none). */
export function bodyOf(d: EventDraft): Record<string, unknown> {
  const description = texts(d.description, d.languages);
  return {
    title: texts(d.title, d.languages),
    // A description in no language is none at all (the column's "").
    description: Object.keys(description).length > 0 ? description : "",
    slug: d.slug,
    timezone: d.timezone,
    startsAt: new Date(fromLocal(d.starts, d.timezone)!).toISOString(),
    endsAt: new Date(fromLocal(d.ends, d.timezone)!).toISOString(),
    languages: d.languages,
    defaultLanguage: d.languages[0],
    inviteLeadMinutes: Number(d.inviteLeadMinutes),
    registrationOpen: d.registrationOpen,
    capacity: d.capacity.trim() === "" ? null : Number(d.capacity),
  };
}

/** The form field a server error names (`title.nl`, `startsAt`, `fields.2.label` → none of ours). */
export function fieldOf(path: string): DraftField | undefined {
  if ((DRAFT_FIELDS as readonly string[]).includes(path)) return path as DraftField;
  if (path === "defaultLanguage") return "languages";
  const [head, lang] = path.split(".");
  if ((head === "title" || head === "description") && lang && (Languages as readonly string[]).includes(lang)) {
    return `${head}.${lang}` as DraftField;
  }
  return undefined;
}

/** A failed save, field by field: words from the catalogue where the console knows them, else the server's. */
export function serverProblems(err: unknown): Partial<Record<DraftField, AdminKey | string>> {
  if (!(err instanceof ApiFailure)) return {};
  const out: Partial<Record<DraftField, AdminKey | string>> = {};
  for (const [path, message] of Object.entries(err.fields)) {
    const field = fieldOf(path);
    if (!field || out[field]) continue;
    out[field] = err.status === 409 && field === "slug" ? "admin.events.error.slugTaken" : message;
  }
  return out;
}

/** The first field with a problem, in the form's order. */
export const firstProblem = (problems: Partial<Record<DraftField, unknown>>): DraftField | undefined =>
  DRAFT_FIELDS.find((f) => problems[f] !== undefined);

/** Only what the organizer changed, so the audit log says what changed and nothing else moves. */
export function changedBody(before: EventDraft, after: EventDraft): Record<string, unknown> {
  const old = bodyOf(before);
  const next = bodyOf(after);
  return Object.fromEntries(Object.entries(next).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(old[k])));
}
