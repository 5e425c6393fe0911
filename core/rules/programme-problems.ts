import type { AttributeCondition, AudienceRule, RegistrationField } from "../contract/index";
import type { SessionKind } from "../protocol/identity";

/**
 * What the organizer console points out in a programme, decided from the programme alone (no
 * registrations): sessions the same people are scheduled into at once, stream rooms without their
 * stage, and sessions outside the event's times. Pure, so the console can re-run it on every
 * drag and the tests can pin it down.
 */

export interface PlannedProgrammeSession {
  id: string;
  kind: SessionKind;
  /** Epoch ms. */
  startsAt: number;
  endsAt: number;
  selectable: boolean;
  audience: AudienceRule;
  parentSessionId: string | null;
}

export type OrphanReason = "no-stage" | "stage-removed" | "not-a-stage";

export type ProgrammeProblem =
  | { kind: "overlap"; sessionIds: [string, string] }
  | { kind: "orphan"; sessionId: string; reason: OrphanReason }
  | { kind: "outside"; sessionId: string };

export interface ProgrammeFrame {
  startsAt: number;
  endsAt: number;
  /** The registration form's fields: which attributes hold one value (choice, text) rather than several. */
  fields: readonly RegistrationField[];
}

/** The same normalisation the matcher (core/rules/audience.ts) applies before comparing values. */
const norm = (s: string) => s.trim().toLowerCase();

/**
 * The values one attribute may take for a rule to hold: a finite set (some `eq`/`in` condition
 * names it) or everything but some values (only `neq`/`not_in`).
 */
type Allowed = { finite: Set<string> } | { except: Set<string> };

function allowedFor(conditions: readonly AttributeCondition[]): Allowed {
  let finite: Set<string> | undefined;
  const except = new Set<string>();
  for (const c of conditions) {
    const values = c.values.map(norm);
    switch (c.op) {
      case "eq":
      case "in":
        finite = new Set(values.filter((v) => finite === undefined || finite.has(v)));
        break;
      case "neq":
      case "not_in":
        for (const v of values) except.add(v);
        break;
      default:
        c.op satisfies never;
    }
  }
  return finite ? { finite: new Set([...finite].filter((v) => !except.has(v))) } : { except };
}

/** A positive condition (eq, in) none of whose values the other rule allows. */
const excludedBy = (c: AttributeCondition, others: readonly AttributeCondition[]): boolean => {
  if (c.op !== "eq" && c.op !== "in") return false;
  const excluded = new Set(
    others.filter((o) => o.op === "neq" || o.op === "not_in").flatMap((o) => o.values.map(norm)),
  );
  return c.values.every((v) => excluded.has(norm(v)));
};

const byAttribute = (rule: AudienceRule): Map<string, AttributeCondition[]> => {
  const map = new Map<string, AttributeCondition[]>();
  if (rule.kind !== "attributes") return map;
  for (const c of rule.conditions) map.set(c.attribute, [...(map.get(c.attribute) ?? []), c]);
  return map;
};

/**
 * Could one participant be in both audiences? Conservative: "no" only when it is provable from
 * the rules, so a warning is never missed (a false alarm costs a glance; a missed clash puts people
 * in two rooms at once). Staff see every session by design and are left out of the question.
 * `everyone` and `selected` (who selected what is the people's doing) may always meet anything.
 * Two attribute rules are apart when, for one attribute, no value satisfies both: for an attribute
 * with one value per person (a choice or text field), when the values each rule allows do not
 * meet; for one that may hold several (multi-choice, or imported and unknown to the form), only
 * when every value one rule asks for is a value the other one excludes.
 */
export function audiencesMayMeet(a: AudienceRule, b: AudienceRule, singleValued: ReadonlySet<string>): boolean {
  if (a.kind !== "attributes" || b.kind !== "attributes") return true;
  const ca = byAttribute(a);
  const cb = byAttribute(b);
  for (const [attribute, conditionsA] of ca) {
    const conditionsB = cb.get(attribute);
    if (!conditionsB) continue;
    const x = allowedFor(conditionsA);
    const y = allowedFor(conditionsB);
    if (singleValued.has(attribute)) {
      if ("finite" in x && "finite" in y && ![...x.finite].some((v) => y.finite.has(v))) return false;
      if ("finite" in x && "except" in y && [...x.finite].every((v) => y.except.has(v))) return false;
      if ("except" in x && "finite" in y && [...y.finite].every((v) => x.except.has(v))) return false;
    } else {
      // Several values: a person may satisfy each condition with a different one of them, so only
      // a condition whose every value the other rule excludes keeps them apart.
      if (conditionsA.some((c) => excludedBy(c, conditionsB)) || conditionsB.some((c) => excludedBy(c, conditionsA))) {
        return false;
      }
    }
  }
  return true;
}

/** Kinds that are in people's programmes; stream rooms are entered by invitation, never scheduled. */
const SCHEDULED: ReadonlySet<SessionKind> = new Set(["stage", "breakout", "carousel"]);

export function programmeProblems(
  sessions: readonly PlannedProgrammeSession[],
  frame: ProgrammeFrame,
): ProgrammeProblem[] {
  const problems: ProgrammeProblem[] = [];
  const singleValued = new Set(frame.fields.filter((f) => f.kind !== "multi-choice").map((f) => f.key));
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const sorted = [...sessions].sort((a, b) => a.startsAt - b.startsAt || a.id.localeCompare(b.id));

  for (const s of sorted) {
    if (s.startsAt < frame.startsAt || s.endsAt > frame.endsAt) problems.push({ kind: "outside", sessionId: s.id });
    if (s.kind !== "stream-room") continue;
    const parent = s.parentSessionId ? byId.get(s.parentSessionId) : undefined;
    const reason: OrphanReason | undefined = !s.parentSessionId
      ? "no-stage"
      : !parent
        ? "stage-removed"
        : parent.kind !== "stage"
          ? "not-a-stage"
          : undefined;
    if (reason) problems.push({ kind: "orphan", sessionId: s.id, reason });
  }

  // Selectable sessions are alternatives (each person is in the one they chose), and a selectable
  // breakout during a stage takes whoever chose it there: only two fixed sessions clash. Nor does
  // one that starts later and ends within another (a breakout during an all-day stage): people
  // follow the session that started last, so they go to it and come back, as the organizer meant.
  // Starting together (which one?) or running past the other's end (its end is lost) does clash.
  const fixed = sorted.filter((s) => SCHEDULED.has(s.kind) && !s.selectable);
  for (let i = 0; i < fixed.length; i++) {
    const a = fixed[i]!;
    for (let j = i + 1; j < fixed.length; j++) {
      const b = fixed[j]!;
      if (b.startsAt >= a.endsAt) break; // sorted by start: no later one overlaps `a` either
      const nested = b.startsAt > a.startsAt && b.endsAt <= a.endsAt;
      if (!nested && audiencesMayMeet(a.audience, b.audience, singleValued)) {
        problems.push({ kind: "overlap", sessionIds: [a.id, b.id] });
      }
    }
  }
  return problems;
}

/** The problems that concern one session (for its marker on the timeline). */
export const problemsOf = (problems: readonly ProgrammeProblem[], sessionId: string): ProgrammeProblem[] =>
  problems.filter((p) => (p.kind === "overlap" ? p.sessionIds.includes(sessionId) : p.sessionId === sessionId));
