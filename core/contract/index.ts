/**
 * Shapes of the HTTP API that the browser client also uses. Types and constant lists only: this
 * file is imported by the client, so it must not import runtime code or Workers types.
 */
import type { Language, Role, SessionKind } from "../protocol/identity";
import type { LocalizedText } from "../protocol/localized";
import type { PublicBranding } from "./branding";

export type { LocalizedText, PerLanguage } from "../protocol/localized";

export type AttributeValue = string | string[];

/** Who may see a programme session. Staff (moderators, producers) see every session. */
export type AudienceRule =
  | { kind: "everyone" }
  /** Only people who chose this session on the registration form. */
  | { kind: "selected" }
  /** Every condition must hold. */
  | { kind: "attributes"; conditions: AttributeCondition[] };

export interface AttributeCondition {
  attribute: string;
  op: "eq" | "neq" | "in" | "not_in";
  values: string[];
}

/**
 * A question on the registration form. Options are the values stored in the person's attributes
 * (what audience rules and imports use); `optionLabels` says how each reads on the form. The
 * organizer API carries every language (`T` is LocalizedText); the public form, one (`string`).
 */
export type RegistrationField<T = LocalizedText> =
  | { kind: "text"; key: string; label: T; required: boolean; maxLength?: number }
  | { kind: "choice"; key: string; label: T; required: boolean; options: string[]; optionLabels?: Record<string, T> }
  | {
      kind: "multi-choice";
      key: string;
      label: T;
      required: boolean;
      options: string[];
      optionLabels?: Record<string, T>;
    }
  | { kind: "consent"; key: string; label: T; required: boolean };

export interface MeResponse {
  registration: { id: string; name: string; email: string; role: Role; language: Language };
  /** The latest tech check, or null when the person has not done (or skipped) one yet. */
  techCheck: { overall: TechCheckVerdict; checkedAt: string } | null;
  event: {
    id: string;
    slug: string;
    title: string;
    timezone: string;
    startsAt: string;
    endsAt: string;
    /** The event's colours and logo, which the portal takes on. */
    branding: PublicBranding;
  };
}

export type SessionStatus = "upcoming" | "live" | "ended";

export interface ProgrammeItem {
  id: string;
  kind: SessionKind;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  /** Start and end written in the event's timezone, e.g. "2026-11-25T14:00:00+01:00". */
  startsAtLocal: string;
  endsAtLocal: string;
  status: SessionStatus;
  /** Offered as a choice: parallel selectable sessions are alternatives (see PUT /api/me/selections/:sessionId). */
  selectable: boolean;
  /** This person selected it (on the registration form or in the portal). */
  selected: boolean;
}

export interface ProgrammeResponse {
  timezone: string;
  /** The language session titles and descriptions are in (`?lang=`, else the registration's). */
  language: Language;
  now: string;
  sessions: ProgrammeItem[];
  /**
   * The session this person should be in right now, if any: of parallel selectable sessions the
   * one they selected; while they have selected none of those that are live, not one of them.
   */
  liveSessionId: string | null;
  /** The next session that has not started yet, if any. */
  nextSessionId: string | null;
}

/** `PUT /api/me/selections/:sessionId`: the person's selections after selecting that session. */
export interface SelectionsResponse {
  selections: string[];
}

export const TechCheckIds = ["browser", "camera", "microphone", "speakers", "network"] as const;
export type TechCheckVerdict = "pass" | "warn" | "fail" | "skipped";

/** `POST /api/me/tech-check`: the person's result, remembered for moderators. */
export interface TechCheckSubmission {
  overall: TechCheckVerdict;
  checks: { id: (typeof TechCheckIds)[number]; verdict: "pass" | "warn" | "fail" }[];
}

// ── Registration, invitations and the organizer API ─────────────────────────────────────────

/** What an e-mail with a personal link is for. */
export const InvitationKinds = ["invitation", "confirmation", "link-request"] as const;
export type InvitationKind = (typeof InvitationKinds)[number];

/** queued → sending → sent | failed; a failed or interrupted attempt may go back to queued. */
export const InvitationStates = ["queued", "sending", "sent", "failed"] as const;
export type InvitationState = (typeof InvitationStates)[number];

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string>; retryAfterSeconds?: number };
}

/** One page of a list; pass `nextCursor` back as `cursor` for the next page. */
export interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

/** The public registration page's view of an event. */
export interface PublicEvent {
  slug: string;
  title: string;
  description: string;
  timezone: string;
  startsAt: string;
  endsAt: string;
  startsAtLocal: string;
  endsAtLocal: string;
  /** The event's first language: what texts fall back to. */
  defaultLanguage: Language;
  /** The languages the event is held in, its first language first: the form offers these. */
  languages: Language[];
  /** The language the texts below are in (the `lang` asked for, or the event's first). */
  language: Language;
  registrationOpen: boolean;
  /** Registration is open but every place is taken (the event's capacity). */
  full: boolean;
  /** Labels in `language`; every option has a label (its value when the organizer gave none). */
  fields: RegistrationField<string>[];
  /** Sessions a person may choose on the form. */
  choices: {
    id: string;
    kind: SessionKind;
    title: string;
    description: string;
    startsAtLocal: string;
    endsAtLocal: string;
    full: boolean;
  }[];
  /** The event's colours and logo, which the page takes on. */
  branding: PublicBranding;
}

export interface RegistrationRequest {
  name: string;
  email: string;
  language?: Language;
  answers?: Record<string, string | string[] | boolean>;
  selections?: string[];
}

export interface RegistrationResult {
  registration: {
    id: string;
    name: string;
    email: string;
    language: Language;
    answers: Record<string, AttributeValue>;
    selections: string[];
  };
  /** The address the personal link is on its way to. */
  emailedTo: string;
}

/**
 * Texts the organizer wrote come back as they were given: a string stays a string (the event's
 * first language), a text per language stays an object.
 */
export interface AdminEvent {
  id: string;
  /** The workspace that owns it (organizer accounts); null only for an event made before workspaces. */
  workspaceId: string | null;
  slug: string;
  title: LocalizedText;
  description: LocalizedText;
  timezone: string;
  startsAt: string;
  endsAt: string;
  inviteLeadMinutes: number;
  /** When the automatic invitations go out: the start minus the lead time. */
  invitesAt: string;
  registrationOpen: boolean;
  /** At most this many registrations; null: no limit. */
  capacity: number | null;
  /** How many registrations it has (in the list of events only). */
  registrations?: number;
  /** Always `languages[0]`. */
  defaultLanguage: Language;
  languages: Language[];
  fields: RegistrationField[];
  createdAt: string;
  updatedAt: string;
}

export interface AdminSession {
  id: string;
  eventId: string;
  kind: SessionKind;
  title: LocalizedText;
  description: LocalizedText;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  selectable: boolean;
  audience: AudienceRule;
  parentSessionId: string | null;
  streamUrl: string | null;
}

export interface InvitationView {
  id: string;
  registrationId: string;
  kind: InvitationKind;
  linkVersion: number;
  state: InvitationState;
  /** When it is (or was) due. */
  dueAt: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
  /** Present in event-wide lists. */
  registration?: { name: string; email: string };
}

/** The organizer's list of an event's people: a page, and how many of all it matched "send invitations" would reach. */
export interface RegistrationPage extends Page<AdminRegistration> {
  /** Matched people whose invitation is not sent or on its way, and whose link is not revoked. */
  invitable: number;
}

export interface AdminRegistration {
  id: string;
  eventId: string;
  name: string;
  email: string;
  language: Language;
  role: Role;
  attributes: Record<string, AttributeValue>;
  selections: string[];
  linkVersion: number;
  linkStatus: "active" | "revoked";
  /** This person's newest invitation (automatic or sent by the organizer), if any. */
  invitation: InvitationView | null;
  createdAt: string;
  updatedAt: string;
}

export interface OutboxMessage {
  id: string;
  eventId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: string;
}

export interface ImportRowReport {
  /** The line in the file where the row starts (the header is line 1). */
  line: number;
  email: string | null;
  status: "created" | "updated" | "unchanged" | "error";
  errors?: Record<string, string>;
  registrationId?: string;
}

export interface ImportReport {
  /** False when nothing was written (an all-or-nothing import with errors, or a dry run). */
  applied: boolean;
  partial: boolean;
  counts: { rows: number; created: number; updated: number; unchanged: number; errors: number };
  rows: ImportRowReport[];
}
