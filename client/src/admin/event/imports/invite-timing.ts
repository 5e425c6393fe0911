import type { AdminEvent } from "../../../../../core/contract/index";
import { formatDateTime } from "../../../i18n/time";
import { ta } from "../../i18n";

/**
 * When the people an import adds get their invitation. The server gives each new registration
 * an automatic invitation due at the event's invitation time (start minus lead time); the
 * scheduler sends a due one at once, and nothing holds it back once that time has passed, not
 * even the event's end. People already registered get no second one.
 */
export type InviteTiming = "later" | "passed" | "running" | "ended";

export function inviteTiming(
  event: Pick<AdminEvent, "startsAt" | "endsAt" | "inviteLeadMinutes">,
  now: number,
): InviteTiming {
  const start = Date.parse(event.startsAt);
  if (now >= Date.parse(event.endsAt)) return "ended";
  if (now >= start) return "running";
  return now >= start - event.inviteLeadMinutes * 60_000 ? "passed" : "later";
}

export function inviteTimingText(event: AdminEvent, now: number): string {
  const timing = inviteTiming(event, now);
  const at = formatDateTime(Date.parse(event.startsAt) - event.inviteLeadMinutes * 60_000, {
    timeZone: event.timezone,
  });
  switch (timing) {
    case "later":
      return ta("admin.imports.invite.later", { at });
    case "passed":
      return ta("admin.imports.invite.passed", { at });
    case "running":
      return ta("admin.imports.invite.running");
    case "ended":
      return ta("admin.imports.invite.ended");
    default:
      return timing satisfies never;
  }
}
