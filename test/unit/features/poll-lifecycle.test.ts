import { describe, expect, it } from "vitest";
import { applyItemAction, draftItem, justClosed } from "../../../durable-objects/session/features/items/rules";
import { countsVisible, decideVote, validateChoices } from "../../../durable-objects/session/features/poll/rules";
import { preparePoll } from "../../../core/rules/prepare";

describe("item life cycle", () => {
  it("goes draft → open (shown) → closed, and closing is final", () => {
    const open = applyItemAction(draftItem(), "open", 10);
    expect(open).toEqual({ ok: true, value: { status: "open", visible: true, shownAt: 10, closedAt: null } });
    if (!open.ok) return;
    const closed = applyItemAction(open.value, "close", 20);
    expect(closed).toMatchObject({ ok: true, value: { status: "closed", visible: true, closedAt: 20 } });
    if (!closed.ok) return;
    expect(justClosed(open.value, closed.value)).toBe(true);
    expect(applyItemAction(closed.value, "open", 30)).toMatchObject({ ok: false, code: "conflict" });
  });

  it("closes an open item that is hidden, and shows it again with a new shownAt", () => {
    const open = applyItemAction(draftItem(), "open", 10);
    if (!open.ok) throw new Error();
    const hidden = applyItemAction(open.value, "hide", 20);
    expect(hidden).toMatchObject({ ok: true, value: { status: "closed", visible: false, closedAt: 20 } });
    if (!hidden.ok) return;
    expect(applyItemAction(hidden.value, "show", 30)).toMatchObject({
      ok: true,
      value: { visible: true, shownAt: 30 },
    });
  });

  it("deletes only drafts and cannot show a draft", () => {
    expect(applyItemAction(draftItem(), "delete", 1).ok).toBe(true);
    expect(applyItemAction(draftItem(), "show", 1)).toMatchObject({ ok: false });
    const open = applyItemAction(draftItem(), "open", 1);
    if (open.ok) expect(applyItemAction(open.value, "delete", 2)).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("polls", () => {
  it("cleans texts and refuses duplicate options, naming the field", () => {
    expect(
      preparePoll({ question: " Lunch? ", kind: "single", options: [" Pizza ", "Soup"], results: "live" }),
    ).toEqual({
      ok: true,
      value: { question: "Lunch?", kind: "single", options: ["Pizza", "Soup"], results: "live" },
    });
    expect(preparePoll({ question: "Q", kind: "single", options: ["Yes", "yes"], results: "live" })).toMatchObject({
      ok: false,
      field: "poll.options.1",
    });
  });

  it("normalises votes and enforces single choice", () => {
    expect(validateChoices("multi", 4, [3, 1, 3])).toEqual({ ok: true, value: [1, 3] });
    expect(validateChoices("single", 4, [1, 2])).toMatchObject({ ok: false, field: "choices" });
    expect(validateChoices("single", 2, [2])).toMatchObject({ ok: false, field: "choices" });
  });

  it("takes votes only while open and visible", () => {
    expect(decideVote({ status: "open", visible: true }).ok).toBe(true);
    expect(decideVote({ status: "closed", visible: true })).toMatchObject({ ok: false, code: "closed" });
    expect(decideVote({ status: "draft", visible: false })).toMatchObject({ ok: false, code: "closed" });
  });

  it("shows counts to participants live, or only after closing, and always to staff", () => {
    expect(countsVisible({ results: "after-close", status: "open" }, false)).toBe(false);
    expect(countsVisible({ results: "after-close", status: "open" }, true)).toBe(true);
    expect(countsVisible({ results: "after-close", status: "closed" }, false)).toBe(true);
    expect(countsVisible({ results: "live", status: "open" }, false)).toBe(true);
  });
});
