import type { RegistrationResult } from "../../core/contract/index";
import type { Db } from "../db/client";
import { registrationCount } from "../db/events";
import { sessionsOf } from "../db/sessions";
import { currentInvitations, ensureAutoInvitations, insertInvitations, recentPersonalEmail } from "../db/invitations";
import {
  findByEmail,
  insertOrUpdateRegistration,
  insertWithinCapacity,
  selectionCounts,
  updateRegistrationReturning,
} from "../db/registrations";
import type { EventRow, RegistrationRow } from "../db/schema";
import { ApiError, ErrorCode, validationFailed } from "../errors";
import { newId } from "../ids";
import { dueAt, LINK_EMAIL_COOLDOWN_MS } from "../invitations/policy";
import { normaliseEmail, validateRegistration, type RegistrationInput } from "./answers";

const full = (event: EventRow) =>
  new ApiError(409, ErrorCode.eventFull, `${event.title} is full: every place is taken.`);

/** Registration closes when the organizer closes it or when the event is over. */
export function assertOpen(event: EventRow, now: number): void {
  if (!event.registrationOpen)
    throw new ApiError(409, ErrorCode.registrationClosed, `Registration for ${event.title} is closed.`);
  if (now >= event.endsAt)
    throw new ApiError(409, ErrorCode.registrationClosed, `${event.title} has ended; registration is closed.`);
}

/**
 * A person registers (or registers again) through the public form. Registering again with the
 * same e-mail updates the same registration — the answers to the form's questions are replaced,
 * attributes the organizer set stay — and sends the personal link again. What is sent when:
 *
 * - the automatic invitation is due now (the event is close or running): it goes out at once and
 *   carries the link; nothing else is needed;
 * - otherwise a confirmation with the link goes out now, and the invitation follows at the lead
 *   time. A re-registration sends at most one such e-mail per person per cooldown, so the form
 *   cannot be used to flood someone's inbox.
 *
 * The personal link is not rotated: anyone who knows an address can re-register it, and that must
 * not cut its owner off. Returns after the queue is written; the caller wakes the scheduler.
 */
export async function registerPublicly(
  db: Db,
  event: EventRow,
  input: RegistrationInput,
  now = Date.now(),
): Promise<RegistrationResult> {
  assertOpen(event, now);
  const sessions = await sessionsOf(db, event.id);
  const existing = input.email.includes("@") ? await findByEmail(db, event.id, normaliseEmail(input.email)) : undefined;
  // Registering again changes a place already taken; only a new person needs a free one. This early
  // count spares a full event the form's checks; the insert below counts again, in one statement.
  if (!existing && event.capacity !== null && (await registrationCount(db, event.id)) >= event.capacity) {
    throw full(event);
  }
  const counts = await selectionCounts(db, event.id, existing?.id);
  const result = validateRegistration(input, {
    fields: event.fields,
    defaultLanguage: event.defaultLanguage,
    choices: sessions
      .filter((s) => s.selectable)
      .map((s) => ({ id: s.id, title: s.title, capacity: s.capacity, taken: counts.get(s.id) ?? 0 })),
  });
  if (!result.ok) throw validationFailed(result.fields, "Some answers need another look.");
  const value = result.value;
  if (existing?.linkRevokedAt != null) {
    throw new ApiError(
      403,
      ErrorCode.forbidden,
      "This registration was withdrawn by the organizer. Please contact them if you think this is a mistake.",
    );
  }

  let row: RegistrationRow;
  let isNew = false;
  if (existing) {
    const formKeys = new Set(event.fields.map((f) => f.key));
    const kept = Object.fromEntries(Object.entries(existing.attributes).filter(([k]) => !formKeys.has(k)));
    row = await updateRegistrationReturning(db, existing.id, {
      name: value.name,
      email: value.email,
      language: value.language,
      attributes: { ...kept, ...value.answers },
      selections: value.selections,
      updatedAt: now,
    });
  } else {
    const id = newId("reg");
    const values = {
      id,
      eventId: event.id,
      email: value.email,
      emailNorm: value.emailNorm,
      name: value.name,
      language: value.language,
      attributes: value.answers,
      selections: value.selections,
      createdAt: now,
      updatedAt: now,
    };
    const changes = {
      name: value.name,
      email: value.email,
      language: value.language,
      attributes: value.answers,
      selections: value.selections,
      updatedAt: now,
    };
    if (event.capacity === null) {
      // A simultaneous first registration with the same address wins the unique index; this one
      // then becomes its update instead of failing.
      row = await insertOrUpdateRegistration(db, values, changes);
    } else {
      const inserted = await insertWithinCapacity(db, values, event.capacity);
      // Not inserted: the same address registered at this instant (then this is its update) or full.
      const same = inserted ? undefined : await findByEmail(db, event.id, value.emailNorm);
      if (!inserted && !same) throw full(event);
      row = inserted ?? (await updateRegistrationReturning(db, same!.id, changes));
    }
    isNew = row.id === id;
  }

  await ensureAutoInvitations(db, event.id, [row.id]);
  const auto = (await currentInvitations(db, [row.id])).get(row.id);
  const autoGoesNow = auto?.state === "queued" && dueAt(auto.sendAt, event) <= now;
  if (!autoGoesNow && (isNew || !(await recentPersonalEmail(db, row.id, now - LINK_EMAIL_COOLDOWN_MS)))) {
    await insertInvitations(db, event.id, [row.id], "confirmation", now);
  }
  return {
    registration: {
      id: row.id,
      name: row.name,
      email: row.email,
      language: row.language,
      answers: value.answers,
      selections: row.selections,
    },
    emailedTo: row.email,
  };
}
