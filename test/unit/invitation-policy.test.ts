import { describe, expect, it } from "vitest";
import { afterAttempt, backoffMs, dueAt, MAX_ATTEMPTS, planSchedule } from "../../server/invitations/policy";

describe("invitation state machine", () => {
  it("backs off 30 s, 2 min, 8 min, then 30 min at most", () => {
    expect([1, 2, 3, 4, 5, 9].map(backoffMs)).toEqual([30_000, 120_000, 480_000, 1_800_000, 1_800_000, 1_800_000]);
  });

  it("is due at its own time, or at the event's start minus the lead time", () => {
    const event = { startsAt: 10_000_000, inviteLeadMinutes: 60 };
    expect(dueAt(null, event)).toBe(10_000_000 - 3_600_000);
    expect(dueAt(42, event)).toBe(42);
  });

  it.each([
    [
      "accepted",
      { kind: "accepted", messageId: "m1" } as const,
      1,
      { state: "sent", sentAt: 1000, lastError: null, providerMessageId: "m1" },
    ],
    [
      "a retryable error with attempts left",
      { kind: "error", reason: "SES Throttling", retryable: true } as const,
      2,
      { state: "queued", sendAt: 1000 + 120_000, lastError: "SES Throttling (attempt 2 of 5; retrying)" },
    ],
    [
      "a retryable error on the last attempt",
      { kind: "error", reason: "SES InternalFailure", retryable: true } as const,
      MAX_ATTEMPTS,
      { state: "failed", lastError: "SES InternalFailure (gave up after 5 attempts)" },
    ],
    [
      "a permanent error",
      { kind: "error", reason: "SES MessageRejected", retryable: false } as const,
      1,
      { state: "failed", lastError: "SES MessageRejected" },
    ],
    [
      "an obsolete link",
      { kind: "obsolete", reason: "revoked" } as const,
      1,
      { state: "failed", lastError: "revoked" },
    ],
  ])("after %s", (_, outcome, attempts, record) => {
    expect(afterAttempt(outcome, attempts, 1000)).toEqual(record);
  });

  it.each([
    [null, undefined, false, "create"],
    [null, "queued", false, "reschedule"],
    [null, "sending", true, "skip-sending"],
    [null, "sent", false, "skip-sent"],
    [null, "sent", true, "create"],
    [null, "failed", false, "create"],
    [5, "queued", true, "skip-revoked"],
  ] as const)("schedules (revoked %s, current %s, resend %s) as %s", (revokedAt, state, resend, decision) => {
    expect(planSchedule({ linkRevokedAt: revokedAt }, state ? { state } : undefined, resend)).toBe(decision);
  });
});
