import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { inviteTiming, inviteTimingText } from "../../client/src/admin/event/imports/invite-timing";
import { setLanguage } from "../../client/src/i18n";
import type { AdminEvent } from "../../core/contract/index";
import { dueAt } from "../../server/invitations/policy";

const H = 3_600_000;
const start = Date.parse("2026-12-10T09:00:00Z");
const event = {
  startsAt: new Date(start).toISOString(),
  endsAt: new Date(start + 8 * H).toISOString(),
  inviteLeadMinutes: 180,
  timezone: "Europe/Amsterdam",
} as AdminEvent;

/** The import panel says when imported people get their invitation, as the scheduler does it. */
describe("the import panel's word on invitations", () => {
  beforeAll(() => {
    (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  });
  afterEach(() => setLanguage("en", false));

  it("follows the scheduler's due time: an automatic invitation is due at start minus lead", () => {
    const due = dueAt(null, { startsAt: start, inviteLeadMinutes: 180 });
    expect(inviteTiming(event, due - 1)).toBe("later");
    expect(inviteTiming(event, due)).toBe("passed");
    expect(inviteTiming(event, start)).toBe("running");
    expect(inviteTiming(event, start + 8 * H)).toBe("ended");
  });

  it("says at once when the invitation time has passed or the event runs, in Dutch too", () => {
    expect(inviteTimingText(event, start + H)).toMatch(/event is running.*at once/);
    setLanguage("nl", false);
    expect(inviteTimingText(event, start - H)).toMatch(/^Het uitnodigingstijdstip \(.*07:00.*\) is voorbij: .*meteen/);
    expect(inviteTimingText(event, start - 4 * H)).toMatch(/op het uitnodigingstijdstip .*07:00/);
  });
});
