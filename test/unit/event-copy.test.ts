import { describe, expect, it } from "vitest";
import { remapIds, shiftTimes } from "../../core/rules/event-copy";

describe("copying an event's rows", () => {
  const ids = new Map([
    ["ses_a", "ses_x"],
    ["ses_b", "ses_y"],
  ]);

  it("points every reference to an original session at its copy, however deep", () => {
    const row = {
      id: "ses_b",
      parentSessionId: "ses_a",
      audience: { kind: "sessions", sessionIds: ["ses_a", "ses_other"], nested: [{ after: "ses_b" }] },
      title: "Main stage",
      capacity: null,
      selectable: true,
      startsAt: 5,
    };
    expect(remapIds(row, ids)).toEqual({
      id: "ses_y",
      parentSessionId: "ses_x",
      audience: { kind: "sessions", sessionIds: ["ses_x", "ses_other"], nested: [{ after: "ses_y" }] },
      title: "Main stage",
      capacity: null,
      selectable: true,
      startsAt: 5,
    });
    // The original is left as it was.
    expect(row.parentSessionId).toBe("ses_a");
  });

  it("moves start and end by the same amount", () => {
    expect(shiftTimes({ startsAt: 1_000, endsAt: 4_000, id: "s" }, 500)).toEqual({
      startsAt: 1_500,
      endsAt: 4_500,
      id: "s",
    });
    expect(shiftTimes({ startsAt: 1_000, endsAt: 4_000 }, -1_000)).toEqual({ startsAt: 0, endsAt: 3_000 });
  });
});
