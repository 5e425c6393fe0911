import { describe, expect, it } from "vitest";
import type { AudienceRule, RegistrationField } from "../../core/contract/index";
import {
  audiencesMayMeet,
  type PlannedProgrammeSession,
  programmeProblems,
  problemsOf,
} from "../../core/rules/programme-problems";

const H = 3_600_000;
const fields: RegistrationField[] = [
  { kind: "choice", key: "ticket", label: "Ticket", required: true, options: ["vip", "standard", "student"] },
  { kind: "multi-choice", key: "interests", label: "Interests", required: false, options: ["ai", "web", "ops"] },
];
const frame = { startsAt: 0, endsAt: 8 * H, fields };
const everyone: AudienceRule = { kind: "everyone" };
const attrs = (...conditions: [string, "eq" | "neq" | "in" | "not_in", string[]][]): AudienceRule => ({
  kind: "attributes",
  conditions: conditions.map(([attribute, op, values]) => ({ attribute, op, values })),
});
const session = (id: string, o: Partial<PlannedProgrammeSession> = {}): PlannedProgrammeSession => ({
  id,
  kind: "breakout",
  startsAt: H,
  endsAt: 2 * H,
  selectable: false,
  audience: everyone,
  parentSessionId: null,
  ...o,
});
const single = new Set(["ticket"]);

describe("programme problems", () => {
  it("a fixed session overlapping another fixed one for the same people is a clash; touching ends are not", () => {
    const problems = programmeProblems(
      [
        session("stage", { kind: "stage", startsAt: 0, endsAt: 3 * H }),
        session("b1", { startsAt: 2 * H, endsAt: 4 * H }),
        session("b2", { startsAt: 4 * H, endsAt: 5 * H }),
      ],
      frame,
    );
    expect(problems).toEqual([{ kind: "overlap", sessionIds: ["stage", "b1"] }]);
  });

  it("a session starting later and ending within another is a detour, not a clash; starting together is", () => {
    const stage = session("stage", { kind: "stage", startsAt: 0, endsAt: 8 * H });
    // People follow the session that started last: into the breakout, then back to the stage.
    expect(programmeProblems([stage, session("inside", { startsAt: 2 * H, endsAt: 3 * H })], frame)).toEqual([]);
    expect(programmeProblems([stage, session("to-end", { startsAt: 7 * H, endsAt: 8 * H })], frame)).toEqual([]);
    expect(programmeProblems([stage, session("together", { startsAt: 0, endsAt: H })], frame)).toEqual([
      { kind: "overlap", sessionIds: ["stage", "together"] },
    ]);
  });

  it("selectable sessions are alternatives, and stream rooms are never scheduled: neither clashes", () => {
    const problems = programmeProblems(
      [
        session("stage", { kind: "stage", startsAt: 0, endsAt: 3 * H }),
        session("pick1", { selectable: true }),
        session("pick2", { selectable: true }),
        session("room", { kind: "stream-room", startsAt: 0, endsAt: 3 * H, parentSessionId: "stage" }),
      ],
      frame,
    );
    expect(problems).toEqual([]);
  });

  it("audiences that provably cannot meet do not clash; ones that may, do", () => {
    const vip = session("vip", { audience: attrs(["ticket", "eq", ["vip"]]) });
    const standard = session("std", { audience: attrs(["ticket", "in", ["Standard ", "student"]]) });
    expect(programmeProblems([vip, standard], frame)).toEqual([]);
    const ai = session("ai", { audience: attrs(["interests", "in", ["ai"]]) });
    const web = session("web", { audience: attrs(["interests", "in", ["web"]]) });
    // Someone interested in both is in both.
    expect(programmeProblems([ai, web], frame)).toEqual([{ kind: "overlap", sessionIds: ["ai", "web"] }]);
  });

  it("orphaned stream rooms: no stage, a removed stage, a parent that is not a stage", () => {
    const problems = programmeProblems(
      [
        session("stage", { kind: "stage" }),
        session("talk", { selectable: true }),
        session("r1", { kind: "stream-room" }),
        session("r2", { kind: "stream-room", parentSessionId: "ses_gone" }),
        session("r3", { kind: "stream-room", parentSessionId: "talk" }),
        session("r4", { kind: "stream-room", parentSessionId: "stage" }),
      ],
      frame,
    );
    expect(problems.filter((p) => p.kind === "orphan")).toEqual([
      { kind: "orphan", sessionId: "r1", reason: "no-stage" },
      { kind: "orphan", sessionId: "r2", reason: "stage-removed" },
      { kind: "orphan", sessionId: "r3", reason: "not-a-stage" },
    ]);
  });

  it("sessions that start before or end after the event", () => {
    const problems = programmeProblems(
      [
        session("early", { startsAt: -H, endsAt: H, selectable: true }),
        session("late", { startsAt: 7 * H, endsAt: 9 * H, selectable: true }),
        session("inside", { startsAt: 0, endsAt: 8 * H, selectable: true }),
      ],
      frame,
    );
    expect(problems).toEqual([
      { kind: "outside", sessionId: "early" },
      { kind: "outside", sessionId: "late" },
    ]);
    expect(problemsOf(problems, "late")).toEqual([{ kind: "outside", sessionId: "late" }]);
  });
});

describe("audiences that may meet (conservative)", () => {
  it("everyone and selected may meet anything", () => {
    expect(audiencesMayMeet(everyone, attrs(["ticket", "eq", ["vip"]]), single)).toBe(true);
    expect(audiencesMayMeet({ kind: "selected" }, attrs(["ticket", "eq", ["vip"]]), single)).toBe(true);
  });

  it("one value per person: disjoint wanted values, or wanted values all excluded, keep them apart", () => {
    expect(audiencesMayMeet(attrs(["ticket", "eq", ["vip"]]), attrs(["ticket", "neq", ["vip"]]), single)).toBe(false);
    expect(audiencesMayMeet(attrs(["ticket", "not_in", ["vip"]]), attrs(["ticket", "in", ["VIP"]]), single)).toBe(
      false,
    );
    expect(
      audiencesMayMeet(attrs(["ticket", "in", ["vip", "student"]]), attrs(["ticket", "neq", ["vip"]]), single),
    ).toBe(true);
    // Two exclusions both let through someone with a third ticket (or none).
    expect(audiencesMayMeet(attrs(["ticket", "neq", ["vip"]]), attrs(["ticket", "neq", ["student"]]), single)).toBe(
      true,
    );
    // Different attributes say nothing about each other.
    expect(audiencesMayMeet(attrs(["ticket", "eq", ["vip"]]), attrs(["country", "eq", ["nl"]]), single)).toBe(true);
  });

  it("several values per person (multi-choice, or an attribute the form does not know): only a required value the other excludes", () => {
    expect(audiencesMayMeet(attrs(["interests", "eq", ["ai"]]), attrs(["interests", "eq", ["web"]]), single)).toBe(
      true,
    );
    expect(audiencesMayMeet(attrs(["interests", "eq", ["ai"]]), attrs(["interests", "not_in", ["ai"]]), single)).toBe(
      false,
    );
    expect(audiencesMayMeet(attrs(["company", "eq", ["acme"]]), attrs(["company", "eq", ["other"]]), single)).toBe(
      true,
    );
  });
});
