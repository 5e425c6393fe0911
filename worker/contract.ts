/**
 * Shapes of the HTTP API that the browser client also uses. Types only: this file is imported by
 * the client, so it must not import runtime code or Workers types.
 */
import type { Language, Role, SessionKind } from "../durable-objects/session/protocol/identity";

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

export type RegistrationField =
  | { kind: "text"; key: string; label: string; required: boolean; maxLength?: number }
  | { kind: "choice"; key: string; label: string; required: boolean; options: string[] }
  | { kind: "multi-choice"; key: string; label: string; required: boolean; options: string[] }
  | { kind: "consent"; key: string; label: string; required: boolean };

export interface MeResponse {
  registration: { id: string; name: string; email: string; role: Role; language: Language };
  /** The latest tech check, or null when the person has not done (or skipped) one yet. */
  techCheck: { overall: TechCheckVerdict; checkedAt: string } | null;
  event: { id: string; slug: string; title: string; timezone: string; startsAt: string; endsAt: string };
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
}

export interface ProgrammeResponse {
  timezone: string;
  now: string;
  sessions: ProgrammeItem[];
  /** The session this person should be in right now, if any. */
  liveSessionId: string | null;
  /** The next session that has not started yet, if any. */
  nextSessionId: string | null;
}

export const TechCheckIds = ["browser", "camera", "microphone", "speakers", "network"] as const;
export type TechCheckVerdict = "pass" | "warn" | "fail" | "skipped";

/** `POST /api/me/tech-check`: the person's result, remembered for moderators. */
export interface TechCheckSubmission {
  overall: TechCheckVerdict;
  checks: { id: (typeof TechCheckIds)[number]; verdict: "pass" | "warn" | "fail" }[];
}
