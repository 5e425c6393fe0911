import type { Db } from "../db/client";
import {
  currentInvitations,
  ensureAutoInvitations,
  failQueued,
  insertInvitations,
  moveQueuedToVersion,
  queuedInvitationIds,
  rescheduleInvitations,
} from "../db/invitations";
import { matchingIds, revokedAmong, updateRegistration, type RegistrationFilter } from "../db/registrations";
import type { EventRow, RegistrationRow } from "../db/schema";
import type { Actor } from "../audit";
import { auditEntry } from "../db/audit";
import { validationFailed } from "../errors";
import { planSchedule, type ScheduleDecision } from "./policy";
import { runBatch, type Printable } from "../db/batch";

const slices = (ids: readonly string[], size = 5000) =>
  Array.from({ length: Math.ceil(ids.length / size) }, (_, i) => ids.slice(i * size, (i + 1) * size));

export type When = "now" | "lead-time" | number;

export interface ScheduleResult {
  matched: number;
  queued: number;
  rescheduled: number;
  skipped: { alreadySent: number; inFlight: number; revoked: number };
  /** ISO time they are due, or "lead-time". */
  sendAt: string;
}

/**
 * An organizer's "send invitations" (now, at a time, or at the event's lead time) for a list of
 * people or everyone matching a filter. Waiting invitations are moved rather than duplicated;
 * sent ones are only sent again with `resend`.
 */
export async function scheduleInvitations(
  db: Db,
  event: EventRow,
  o: {
    registrationIds?: readonly string[] | undefined;
    filter: Omit<RegistrationFilter, "eventId">;
    when: When;
    resend: boolean;
    /** A "send to these N" batch: its row is written with the invitations, which carry its id. */
    batch?: { id: string; statement: (result: ScheduleResult) => Printable };
  },
  actor: Actor,
  now = Date.now(),
): Promise<ScheduleResult> {
  let ids = await matchingIds(db, { ...o.filter, eventId: event.id });
  if (o.registrationIds) {
    const inEvent = new Set(ids);
    const unknown = o.registrationIds.filter((id) => !inEvent.has(id));
    const all = new Set(await matchingIds(db, { eventId: event.id }));
    const notHere = unknown.filter((id) => !all.has(id));
    if (notHere.length > 0)
      throw validationFailed({ registrationIds: `not registered for this event: ${notHere.slice(0, 5).join(", ")}` });
    ids = o.registrationIds.filter((id) => inEvent.has(id));
  }
  const revoked = new Set(ids.length === 0 ? [] : await revokedAmong(db, ids));
  const current = await currentInvitations(db, ids);
  const decisions = new Map<ScheduleDecision, string[]>();
  for (const id of ids) {
    const decision = planSchedule({ linkRevokedAt: revoked.has(id) ? 1 : null }, current.get(id), o.resend);
    // Pushed, not copied: a filter may match tens of thousands of people.
    const list = decisions.get(decision) ?? [];
    list.push(decision === "reschedule" ? current.get(id)!.id : id);
    decisions.set(decision, list);
  }
  const sendAt = o.when === "now" ? now : o.when === "lead-time" ? null : o.when;
  const create = decisions.get("create") ?? [];
  const reschedule = decisions.get("reschedule") ?? [];
  const result: ScheduleResult = {
    matched: ids.length,
    queued: create.length,
    rescheduled: reschedule.length,
    skipped: {
      alreadySent: decisions.get("skip-sent")?.length ?? 0,
      inFlight: decisions.get("skip-sending")?.length ?? 0,
      revoked: decisions.get("skip-revoked")?.length ?? 0,
    },
    sendAt: sendAt === null ? "lead-time" : new Date(sendAt).toISOString(),
  };
  await runBatch(db, [
    auditEntry(
      db,
      actor,
      "invitations.schedule",
      {
        eventId: event.id,
        details: { ...result, filter: o.filter, registrationIds: o.registrationIds ?? null, resend: o.resend },
      },
      now,
    ),
    ...(o.batch ? [o.batch.statement(result)] : []),
    // In slices, so each JSON parameter stays far below D1's 2 MB a value for any filter's size.
    ...slices(create).map((ids) => insertInvitations(db, event.id, ids, "invitation", sendAt, o.batch?.id ?? null)),
    ...slices(reschedule).map((ids) => rescheduleInvitations(db, ids, sendAt, now, o.batch?.id)),
  ]);
  return result;
}

/**
 * A new personal link: the link version goes up (every earlier link and session cookie stops
 * working), a revocation is lifted, and e-mails still waiting will carry the new link. With
 * `sendInvitation` the new link goes out now.
 */
export async function rotateLink(
  db: Db,
  event: EventRow,
  registration: RegistrationRow,
  sendInvitation: boolean,
  actor: Actor,
  now = Date.now(),
) {
  const version = registration.linkVersion + 1;
  const waiting = await queuedInvitationIds(db, registration.id);
  await runBatch(db, [
    updateRegistration(db, registration.id, { linkVersion: version, linkRevokedAt: null, updatedAt: now }),
    moveQueuedToVersion(db, registration.id, version, now),
    ...(sendInvitation
      ? waiting.length > 0
        ? [rescheduleInvitations(db, waiting, now, now)]
        : [insertInvitations(db, event.id, [registration.id], "invitation", now)]
      : []),
    ensureAutoInvitations(db, event.id, [registration.id]),
    auditEntry(
      db,
      actor,
      "link.rotate",
      {
        eventId: event.id,
        target: `registration:${registration.id}`,
        details: { linkVersion: version, sendInvitation },
      },
      now,
    ),
  ]);
  return { ...registration, linkVersion: version, linkRevokedAt: null, updatedAt: now };
}

/** Withdraws the personal link: links and sessions stop working and nothing more is mailed. */
export async function revokeLink(
  db: Db,
  event: EventRow,
  registration: RegistrationRow,
  actor: Actor,
  now = Date.now(),
) {
  await runBatch(db, [
    updateRegistration(db, registration.id, { linkRevokedAt: now, updatedAt: now }),
    failQueued(db, registration.id, "The personal link was revoked before this e-mail went out", now),
    auditEntry(db, actor, "link.revoke", { eventId: event.id, target: `registration:${registration.id}` }, now),
  ]);
  return { ...registration, linkRevokedAt: now, updatedAt: now };
}
