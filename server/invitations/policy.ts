import type { InvitationKind, InvitationState } from "../../core/contract/index";

/**
 * The invitation state machine, pure:
 *
 *   queued ──claim──▶ sending ──provider accepted, recorded──▶ sent
 *      ▲                 │
 *      └──retryable error, attempts left (backoff)──┤
 *                        └──permanent error, or attempts used up──▶ failed
 *
 * A row stuck in `sending` past its lease was interrupted (the sender crashed or was evicted);
 * it is claimed again like a queued one. `sent` and `failed` are final: a new send for the same
 * person is a new row.
 */

/** How long a claimed invitation may stay in `sending` before it is presumed crashed. */
export const SEND_LEASE_MS = 5 * 60_000;
export const MAX_ATTEMPTS = 5;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 30 * 60_000;

/** Wait before attempt `attempts + 1`: 30 s, 2 min, 8 min, 30 min (capped). */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 4 ** Math.max(0, attempts - 1));
}

/** When a row is due: its own time, or the event's invitation time (start minus lead). */
export function dueAt(sendAt: number | null, event: { startsAt: number; inviteLeadMinutes: number }): number {
  return sendAt ?? event.startsAt - event.inviteLeadMinutes * 60_000;
}

export type AttemptOutcome =
  | { kind: "accepted"; messageId: string }
  | { kind: "error"; reason: string; retryable: boolean }
  /** The row no longer should be sent (link revoked or rotated since it was queued). */
  | { kind: "obsolete"; reason: string };

export interface AttemptRecord {
  state: Extract<InvitationState, "queued" | "sent" | "failed">;
  sendAt?: number;
  sentAt?: number;
  lastError: string | null;
  providerMessageId?: string;
}

/** What to write after an attempt; `attempts` counts the attempt that just ended. */
export function afterAttempt(outcome: AttemptOutcome, attempts: number, now: number): AttemptRecord {
  switch (outcome.kind) {
    case "accepted":
      return { state: "sent", sentAt: now, lastError: null, providerMessageId: outcome.messageId };
    case "obsolete":
      return { state: "failed", lastError: outcome.reason };
    case "error":
      if (outcome.retryable && attempts < MAX_ATTEMPTS) {
        return {
          state: "queued",
          sendAt: now + backoffMs(attempts),
          lastError: `${outcome.reason} (attempt ${attempts} of ${MAX_ATTEMPTS}; retrying)`,
        };
      }
      return {
        state: "failed",
        lastError: outcome.retryable ? `${outcome.reason} (gave up after ${attempts} attempts)` : outcome.reason,
      };
    default:
      return outcome satisfies never;
  }
}

/** A claimed row whose earlier attempts were all interrupted is given up on, not sent forever. */
export const exhausted = (attempts: number) => attempts > MAX_ATTEMPTS;

export type ScheduleDecision = "create" | "reschedule" | "skip-sent" | "skip-sending" | "skip-revoked";

/**
 * An organizer's "send invitations" for one person: reuse a queued row for the current link
 * version, leave one in flight alone, and only send again what was sent when asked to.
 */
export function planSchedule(
  registration: { linkRevokedAt: number | null },
  current: { state: InvitationState } | undefined,
  resend: boolean,
): ScheduleDecision {
  if (registration.linkRevokedAt !== null) return "skip-revoked";
  if (!current) return "create";
  switch (current.state) {
    case "queued":
      return "reschedule";
    case "sending":
      return "skip-sending";
    case "sent":
      return resend ? "create" : "skip-sent";
    case "failed":
      return "create";
    default:
      return current.state satisfies never;
  }
}

/** Public re-registrations and link requests send at most one such e-mail per person this often. */
export const LINK_EMAIL_COOLDOWN_MS = 5 * 60_000;

export const PERSONAL_KINDS: readonly InvitationKind[] = ["confirmation", "link-request"];
