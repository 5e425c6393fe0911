import { describe, expect, it } from "vitest";
import { decideMute, decideSend } from "../../../durable-objects/session/features/chat/rules";
import {
  decideAsk,
  decideHighlight,
  decideUpvote,
  isPublic,
  moderate,
} from "../../../durable-objects/session/features/qa/rules";
import { Limits } from "../../../core/protocol/limits";
import type { Bucket } from "../../../durable-objects/runtime/rate-limit";

const sender = { enabled: true, muted: false, staff: false, bucket: undefined };

describe("chat", () => {
  it("accepts a message and spends one token", () => {
    const r = decideSend(sender, " hello ", 0);
    expect(r).toMatchObject({ ok: true, value: { text: "hello" } });
    expect(r.ok && r.value.bucket?.tokens).toBe(Limits.chatBurst - 1);
  });

  it("refuses when switched off, when muted, and beyond 500 characters", () => {
    expect(decideSend({ ...sender, enabled: false }, "x", 0)).toMatchObject({ ok: false, code: "closed" });
    expect(decideSend({ ...sender, muted: true }, "x", 0)).toMatchObject({ ok: false, code: "muted" });
    expect(decideSend(sender, "x".repeat(501), 0)).toMatchObject({ ok: false, code: "bad_frame", field: "text" });
    expect(decideSend(sender, "x".repeat(500), 0).ok).toBe(true);
  });

  it("rate-limits a burst with a retry time, without charging refused messages", () => {
    let bucket: Bucket | undefined;
    for (let i = 0; i < Limits.chatBurst; i++) {
      const r = decideSend({ ...sender, bucket }, "x", 0);
      if (!r.ok) throw new Error("refused too early");
      bucket = r.value.bucket;
    }
    const tooLong = decideSend({ ...sender, bucket }, "x".repeat(600), 0);
    expect(tooLong).toMatchObject({ code: "bad_frame" });
    const limited = decideSend({ ...sender, bucket }, "x", 100);
    expect(limited).toMatchObject({ ok: false, code: "rate_limited", retryAfterMs: Limits.chatRefillMs - 100 });
    expect(decideSend({ ...sender, bucket }, "x", Limits.chatRefillMs).ok).toBe(true);
  });

  it("lets staff through muting and the rate limit, and refuses to mute staff", () => {
    const staff = { ...sender, staff: true, muted: true, bucket: { tokens: 0, at: 0 } };
    expect(decideSend(staff, "announcement", 0).ok).toBe(true);
    expect(decideMute({ exists: true, staff: true })).toMatchObject({ ok: false, code: "conflict" });
    expect(decideMute({ exists: false, staff: false })).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("Q&A", () => {
  const asker = { enabled: true, requireApproval: false, staff: false, asked: 0 };

  it("opens a question at once, or holds it for approval when required (not for staff)", () => {
    expect(decideAsk(asker, "Why?")).toMatchObject({ ok: true, value: { status: "open" } });
    expect(decideAsk({ ...asker, requireApproval: true }, "Why?")).toMatchObject({
      ok: true,
      value: { status: "pending" },
    });
    expect(decideAsk({ ...asker, requireApproval: true, staff: true }, "Why?")).toMatchObject({
      ok: true,
      value: { status: "open" },
    });
  });

  it("limits questions per person and refuses when switched off", () => {
    expect(decideAsk({ ...asker, asked: Limits.questionsPerPerson }, "Again?")).toMatchObject({
      ok: false,
      code: "limit_reached",
    });
    expect(decideAsk({ ...asker, enabled: false }, "?")).toMatchObject({ ok: false, code: "closed" });
  });

  it.each([
    ["pending", "approve", "open"],
    ["open", "answer", "answered"],
    ["pending", "dismiss", "dismissed"],
    ["answered", "reopen", "open"],
    ["dismissed", "reopen", "open"],
  ] as const)("moderates %s with %s into %s", (from, action, to) => {
    expect(moderate(from, action)).toEqual({ ok: true, value: to });
  });

  it("refuses transitions that make no sense", () => {
    expect(moderate("open", "approve")).toMatchObject({ ok: false, code: "conflict" });
    expect(moderate("dismissed", "answer")).toMatchObject({ ok: false, code: "conflict" });
  });

  it("takes one upvote per person and lets it be taken back", () => {
    expect(decideUpvote({ status: "open", own: false }, false, true)).toEqual({ ok: true, value: "add" });
    expect(decideUpvote({ status: "open", own: false }, true, true)).toEqual({ ok: true, value: "none" });
    expect(decideUpvote({ status: "answered", own: false }, true, false)).toEqual({ ok: true, value: "remove" });
    expect(decideUpvote({ status: "answered", own: false }, false, true)).toMatchObject({ ok: false, code: "closed" });
  });

  it("refuses an upvote on one's own question, but lets an earlier one be taken back", () => {
    expect(decideUpvote({ status: "open", own: true }, false, true)).toMatchObject({ ok: false, code: "own_question" });
    expect(decideUpvote({ status: "open", own: true }, true, false)).toEqual({ ok: true, value: "remove" });
  });

  it("highlights only questions everyone can see", () => {
    expect(isPublic("answered")).toBe(true);
    expect(decideHighlight({ status: "pending" })).toMatchObject({ ok: false, code: "conflict" });
    expect(decideHighlight(undefined)).toMatchObject({ ok: false, code: "not_found" });
    expect(decideHighlight({ status: "open" }).ok).toBe(true);
  });
});
