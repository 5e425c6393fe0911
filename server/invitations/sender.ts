import type { Config } from "../config";
import type { Db } from "../db/client";
import { claimDue, recordAttempt } from "../db/invitations";
import { eventsByIds } from "../db/events";
import { registrationsByIds } from "../db/registrations";
import { sessionsOfEvents } from "../db/sessions";
import type { EventRow, InvitationRow, ProgrammeSessionRow, RegistrationRow } from "../db/schema";
import { EmailError, type EmailProvider } from "../providers/email";
import { renderInvitationEmail } from "../email/render";
import { newId } from "../ids";
import { calendarLink, personalLink } from "../links";
import { buildProgramme } from "../programme";
import { textOf } from "../texts";
import { publicBranding } from "../branding";
import { afterAttempt, exhausted, SEND_LEASE_MS, type AttemptOutcome } from "./policy";

/**
 * Sends what is due, at most `ratePerSecond` e-mails a second. Each second it claims a handful of
 * rows (atomically moving them to `sending` with a lease), sends them, and records each outcome
 * right after the provider answers. What can go wrong, and what happens:
 *
 * - the provider refuses or fails: the row goes back to `queued` with a backoff, or to `failed`
 *   with the reason once it is permanent or the attempts are used up;
 * - the process dies before the send: the row stays `sending` until its lease runs out, then it
 *   is claimed and sent — once;
 * - it dies after the record: the row is `sent` and never claimed again;
 * - it dies after the provider accepted but before the record (the only duplicate window, a few
 *   milliseconds wide): the row is sent again after its lease. The local outbox closes even this
 *   window by keying messages on the invitation id; SES has no idempotency key to do the same.
 */

/** Crash points, so tests can stop the sender exactly there (a hook that throws is a crash). */
export interface SenderHooks {
  beforeSend?(invitation: InvitationRow): void | Promise<void>;
  /** The provider accepted the message; nothing is recorded yet. */
  afterSend?(invitation: InvitationRow): void | Promise<void>;
  afterRecord?(invitation: InvitationRow): void | Promise<void>;
}

export interface SenderOptions {
  db: Db;
  config: Config;
  provider: EmailProvider;
  ratePerSecond: number;
  /** Stop after this many e-mails so one run stays short; the caller runs again if `more`. */
  maxPerRun?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  hooks?: SenderHooks;
}

export interface SenderReport {
  sent: number;
  retrying: number;
  failed: number;
  /** The run stopped at its budget with possibly more to send. */
  more: boolean;
}

interface Context {
  registrations: Map<string, RegistrationRow>;
  events: Map<string, EventRow>;
  sessions: Map<string, ProgrammeSessionRow[]>;
}

export async function sendDueInvitations(o: SenderOptions): Promise<SenderReport> {
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const budget = o.maxPerRun ?? 600;
  const report: SenderReport = { sent: 0, retrying: 0, failed: 0, more: false };
  let handled = 0;
  while (handled < budget) {
    const tick = now();
    const limit = Math.min(o.ratePerSecond, budget - handled);
    const claimed = await claimDue(o.db, { now: tick, limit, leaseMs: SEND_LEASE_MS, claim: newId("clm") });
    if (claimed.length === 0) return report;
    handled += claimed.length;
    const ctx = await loadContext(o.db, claimed);
    // Sends in one tick run side by side; a crash in one still lets the others finish and
    // record before the run stops, as if the process died right after them.
    const results = await Promise.allSettled(claimed.map((inv) => deliver(o, ctx, inv, now, report)));
    const crash = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (crash) throw crash.reason;
    // Fewer than asked for: nothing else is due right now.
    if (claimed.length < limit) return report;
    const elapsed = now() - tick;
    if (elapsed < 1000) await sleep(1000 - elapsed);
  }
  report.more = true;
  return report;
}

async function deliver(
  o: SenderOptions,
  ctx: Context,
  inv: InvitationRow,
  now: () => number,
  report: SenderReport,
): Promise<void> {
  const outcome = await attempt(o, ctx, inv, now);
  const record = afterAttempt(outcome, inv.attempts, now());
  const recorded = await recordAttempt(o.db, inv, record, now());
  if (!recorded) {
    // Another sender took the row over after our lease ran out; its record stands.
    console.warn(`invitation ${inv.id}: outcome not recorded, the claim had moved on`);
    return;
  }
  if (record.state === "sent") report.sent++;
  else if (record.state === "queued") report.retrying++;
  else report.failed++;
  await o.hooks?.afterRecord?.(inv);
}

async function attempt(o: SenderOptions, ctx: Context, inv: InvitationRow, now: () => number): Promise<AttemptOutcome> {
  const registration = ctx.registrations.get(inv.registrationId);
  const event = ctx.events.get(inv.eventId);
  if (exhausted(inv.attempts))
    return { kind: "error", reason: "The sender was interrupted on every attempt", retryable: false };
  if (!registration || !event) return { kind: "obsolete", reason: "The registration no longer exists" };
  if (registration.linkRevokedAt !== null)
    return { kind: "obsolete", reason: "The personal link was revoked before this e-mail went out" };
  if (registration.linkVersion !== inv.linkVersion) {
    return {
      kind: "obsolete",
      reason: `The personal link was replaced (now version ${registration.linkVersion}) before this e-mail went out`,
    };
  }
  let message: Awaited<ReturnType<typeof compose>>;
  try {
    message = await compose(o.config, inv, registration, event, ctx.sessions.get(event.id) ?? [], now());
  } catch (err) {
    // A message that cannot be written now will not be writable later either.
    return {
      kind: "error",
      reason: `Could not compose the e-mail: ${err instanceof Error ? err.message : String(err)}`,
      retryable: false,
    };
  }
  await o.hooks?.beforeSend?.(inv);
  let outcome: AttemptOutcome;
  try {
    const { messageId } = await o.provider.send(message);
    outcome = { kind: "accepted", messageId };
  } catch (err) {
    const emailError =
      err instanceof EmailError ? err : new EmailError(err instanceof Error ? err.message : String(err), true);
    return { kind: "error", reason: emailError.message.slice(0, 500), retryable: emailError.retryable };
  }
  await o.hooks?.afterSend?.(inv);
  return outcome;
}

async function compose(
  config: Config,
  inv: InvitationRow,
  registration: RegistrationRow,
  event: EventRow,
  sessions: ProgrammeSessionRow[],
  now: number,
) {
  // Written in the registration's language, the organizer's texts included.
  const programme = buildProgramme(sessions, registration, event, now, registration.language);
  const rendered = renderInvitationEmail({
    kind: inv.kind,
    language: registration.language,
    name: registration.name,
    event: {
      title: textOf(event, "title", registration.language, event.languages),
      timezone: event.timezone,
      startsAt: event.startsAt,
    },
    programme: programme.sessions.map((s) => ({
      title: s.title,
      startsAt: Date.parse(s.startsAt),
      endsAt: Date.parse(s.endsAt),
    })),
    link: await personalLink(config, registration, event),
    calendarUrl: await calendarLink(config, registration, event),
    brand: brandOf(config, event),
  });
  return { key: inv.id, to: registration.email, eventId: event.id, ...rendered };
}

/** The event's colours and logo; the logo as an absolute URL, since a mail client has no origin of ours. */
function brandOf(config: Config, event: EventRow) {
  const { theme, logoUrl } = publicBranding(event);
  return { theme, logoUrl: logoUrl ? `${config.publicUrl}${logoUrl}` : null };
}

async function loadContext(db: Db, claimed: readonly InvitationRow[]): Promise<Context> {
  const regIds = [...new Set(claimed.map((i) => i.registrationId))];
  const eventIds = [...new Set(claimed.map((i) => i.eventId))];
  const [regs, evts, sess] = await Promise.all([
    registrationsByIds(db, regIds),
    eventsByIds(db, eventIds),
    sessionsOfEvents(db, eventIds),
  ]);
  const sessions = new Map<string, ProgrammeSessionRow[]>();
  for (const s of sess) sessions.set(s.eventId, [...(sessions.get(s.eventId) ?? []), s]);
  return {
    registrations: new Map(regs.map((r) => [r.id, r])),
    events: new Map(evts.map((e) => [e.id, e])),
    sessions,
  };
}
