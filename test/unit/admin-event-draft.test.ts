import { describe, expect, it } from "vitest";
import type { AdminEvent } from "../../core/contract/index";
import {
  bodyOf,
  changedBody,
  draftOf,
  firstProblem,
  problemsOf,
  serverProblems,
  slugFrom,
} from "../../client/src/admin/event/events/draft";
import { ApiFailure } from "../../client/src/lib/api";

const event: AdminEvent = {
  id: "evt_1",
  workspaceId: "ws_1",
  slug: "launch",
  title: { en: "Launch", nl: "Lancering" },
  description: "Plain text",
  timezone: "Europe/Amsterdam",
  startsAt: "2027-01-10T13:00:00.000Z",
  endsAt: "2027-01-10T16:00:00.000Z",
  inviteLeadMinutes: 180,
  invitesAt: "2027-01-10T10:00:00.000Z",
  registrationOpen: true,
  capacity: null,
  defaultLanguage: "en",
  languages: ["en", "nl"],
  fields: [],
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};

describe("the event details form's model", () => {
  it("shows times on the event's clock and a plain text as the first language's", () => {
    const d = draftOf(event);
    expect(d.starts).toBe("2027-01-10T14:00");
    expect(d.ends).toBe("2027-01-10T17:00");
    expect(d.description).toEqual({ en: "Plain text" });
    expect(d.capacity).toBe("");
  });

  it("sends what was written, times back in UTC, and only what changed", () => {
    const d = { ...draftOf(event), capacity: "40", ends: "2027-01-10T18:00" };
    expect(bodyOf(d)).toMatchObject({
      title: { en: "Launch", nl: "Lancering" },
      startsAt: "2027-01-10T13:00:00.000Z",
      endsAt: "2027-01-10T17:00:00.000Z",
      capacity: 40,
      defaultLanguage: "en",
    });
    expect(changedBody(draftOf(event), d)).toEqual({ capacity: 40, endsAt: "2027-01-10T17:00:00.000Z" });
    expect(bodyOf({ ...d, capacity: " " }).capacity).toBeNull();
  });

  it("finds problems before sending, in the form's order", () => {
    const bad = {
      ...draftOf(event),
      title: { nl: "Alleen Nederlands" },
      slug: "Not OK",
      ends: "2027-01-10T12:00",
      capacity: "0",
    };
    const problems = problemsOf(bad);
    expect(problems).toEqual({
      "title.en": "admin.events.error.title",
      slug: "admin.events.error.slug",
      endsAt: "admin.events.error.endsBeforeStart",
      capacity: "admin.events.error.capacity",
    });
    expect(firstProblem(problems)).toBe("title.en");
    expect(problemsOf(draftOf(event))).toEqual({});
  });

  it("puts the server's refusals at their fields, a taken slug in the console's words", () => {
    const taken = new ApiFailure(409, "conflict", "taken", { slug: "is already taken" });
    expect(serverProblems(taken)).toEqual({ slug: "admin.events.error.slugTaken" });
    const invalid = new ApiFailure(422, "validation_failed", "no", { "title.nl": "is too long", "fields.0.key": "x" });
    expect(serverProblems(invalid)).toEqual({ "title.nl": "is too long" });
  });

  it("suggests an address from a title", () => {
    expect(slugFrom("Foyer Demo Day 2026")).toBe("foyer-demo-day-2026");
    expect(slugFrom("  Café — Öffnung! ")).toBe("cafe-offnung");
  });
});
