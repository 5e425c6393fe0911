import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import type { AdminRegistration, RegistrationPage } from "../../../core/contract/index";
import { database } from "../../../server/db/client";
import { requireEvent } from "../../../server/db/events";
import { sessionsOf } from "../../../server/db/sessions";
import { ensureAutoInvitations, latestInvitations, listInvitations } from "../../../server/db/invitations";
import {
  findByEmail,
  insertRegistration,
  listRegistrations,
  requireRegistration,
  updateRegistration,
} from "../../../server/db/registrations";
import type { EventRow } from "../../../server/db/schema";
import { auditEntry } from "../../../server/db/audit";
import { decodeCursor, pageOf } from "../../../server/cursor";
import { ApiError, ErrorCode, validationFailed } from "../../../server/errors";
import { newId } from "../../../server/ids";
import { rotateLink, revokeLink } from "../../../server/invitations/schedule";
import { wakeScheduler } from "../../../server/invitations/scheduler";
import { personalLink } from "../../../server/links";
import { attributeProblems, emailProblem, normaliseEmail } from "../../../server/registration/answers";
import { applyRows } from "../../../server/registration/apply";
import { checkRows } from "../../../server/registration/import";
import { jsonBody, optionalJsonBody, queryWith } from "../../lib/validation";
import { invitationView, registrationView } from "../../lib/views";
import {
  AdminRegistrationCreate,
  AdminRegistrationUpdate,
  BatchBody,
  RegistrationListQuery,
  RotateLinkBody,
} from "../../schemas/registrations";
import type { Db } from "../../../server/db/client";
import { runBatch } from "../../../server/db/batch";

/** Selections must name sessions of this event. */
async function checkSelections(db: Db, event: EventRow, selections: readonly string[] | undefined): Promise<void> {
  if (!selections || selections.length === 0) return;
  const ids = new Set((await sessionsOf(db, event.id)).map((s) => s.id));
  const unknown = selections.filter((s) => !ids.has(s));
  if (unknown.length > 0) throw validationFailed({ selections: `no session ${unknown[0]} in this event` });
}

async function view(db: Db, eventId: string, id: string): Promise<AdminRegistration> {
  const row = await requireRegistration(db, eventId, id);
  return registrationView(row, (await latestInvitations(db, [row.id])).get(row.id));
}

/** `/api/admin/events/:eventId/registrations` — the people of an event. */
export const adminRegistrations = new Hono<AppEnv>()
  .get("/:eventId/registrations", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const q = queryWith(c, RegistrationListQuery);
    const before = decodeCursor(q.cursor);
    const { rows, total, invitable } = await listRegistrations(db, {
      eventId: event.id,
      q: q.q,
      role: q.role,
      invitation: q.invitation,
      limit: q.limit,
      before,
    });
    const page = pageOf(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
    const latest = await latestInvitations(
      db,
      page.items.map((r) => r.id),
    );
    return c.json({
      items: page.items.map((r) => registrationView(r, latest.get(r.id))),
      total,
      invitable,
      nextCursor: page.nextCursor,
    } satisfies RegistrationPage);
  })
  .post("/:eventId/registrations", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const body = await jsonBody(c, AdminRegistrationCreate);
    const problems = {
      ...attributeProblems(event.fields, body.attributes),
      ...(emailProblem(body.email) ? { email: emailProblem(body.email)! } : {}),
    };
    if (Object.keys(problems).length > 0) throw validationFailed(problems);
    await checkSelections(db, event, body.selections);
    const emailNorm = normaliseEmail(body.email);
    const existing = await findByEmail(db, event.id, emailNorm);
    if (existing) {
      throw new ApiError(
        409,
        ErrorCode.conflict,
        `${body.email} is already registered (${existing.id}); update that registration instead.`,
        { email: "is already registered" },
      );
    }
    const now = Date.now();
    const id = newId("reg");
    await runBatch(db, [
      insertRegistration(db, {
        id,
        eventId: event.id,
        email: body.email,
        emailNorm,
        name: body.name,
        language: body.language ?? event.defaultLanguage,
        role: body.role,
        attributes: body.attributes,
        selections: body.selections,
        createdAt: now,
        updatedAt: now,
      }),
      ensureAutoInvitations(db, event.id, [id]),
      auditEntry(
        db,
        c.get("actor"),
        "registration.create",
        { eventId: event.id, target: `registration:${id}`, details: { email: body.email, role: body.role } },
        now,
      ),
    ]);
    await wakeScheduler(c.env);
    return c.json(await view(db, event.id, id), 201);
  })
  .post("/:eventId/registrations/batch", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const body = await jsonBody(c, BatchBody);
    const sessions = await sessionsOf(db, event.id);
    const checked = checkRows(
      body.registrations.map((r, i) => ({
        line: i + 1,
        email: r.email,
        name: r.name,
        language: r.language,
        role: r.role,
        attributes: Object.fromEntries(Object.entries(r.attributes ?? {}).map(([k, v]) => [k, v ?? undefined])),
        ...(r.selections ? { selections: r.selections } : {}),
      })),
      { fields: event.fields, sessions, defaultLanguage: event.defaultLanguage },
    );
    const report = await applyRows(
      db,
      event,
      checked,
      { partial: body.partial, dryRun: body.dryRun, source: "batch" },
      c.get("actor"),
    );
    if (report.applied && report.counts.created > 0) await wakeScheduler(c.env);
    return c.json(report, report.applied ? 200 : 422);
  })
  .get("/:eventId/registrations/:registrationId", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const registration = await view(db, event.id, c.req.param("registrationId"));
    const { rows } = await listInvitations(db, { eventId: event.id, registrationId: registration.id, limit: 50 });
    return c.json({ ...registration, invitations: rows.map((r) => invitationView(r.invitation, r.due)) });
  })
  .patch("/:eventId/registrations/:registrationId", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const current = await requireRegistration(db, event.id, c.req.param("registrationId"));
    const body = await jsonBody(c, AdminRegistrationUpdate);
    const problems = {
      ...(body.attributes ? attributeProblems(event.fields, body.attributes) : {}),
      ...(body.email && emailProblem(body.email) ? { email: emailProblem(body.email)! } : {}),
    };
    if (Object.keys(problems).length > 0) throw validationFailed(problems);
    await checkSelections(db, event, body.selections);
    const emailNorm = body.email ? normaliseEmail(body.email) : current.emailNorm;
    if (emailNorm !== current.emailNorm && (await findByEmail(db, event.id, emailNorm))) {
      throw new ApiError(409, ErrorCode.conflict, `${body.email} is already registered for this event.`, {
        email: "is already registered",
      });
    }
    const now = Date.now();
    await runBatch(db, [
      updateRegistration(db, current.id, { ...body, emailNorm, updatedAt: now }),
      auditEntry(
        db,
        c.get("actor"),
        "registration.update",
        {
          eventId: event.id,
          target: `registration:${current.id}`,
          // A role change is the one organizers ask about later: keep the before and after.
          details: { changed: body, ...(body.role && body.role !== current.role ? { roleBefore: current.role } : {}) },
        },
        now,
      ),
    ]);
    return c.json(await view(db, event.id, current.id));
  })
  .post("/:eventId/registrations/:registrationId/link/rotate", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const current = await requireRegistration(db, event.id, c.req.param("registrationId"));
    const body = await optionalJsonBody(c, RotateLinkBody);
    const rotated = await rotateLink(db, event, current, body.sendInvitation, c.get("actor"));
    await wakeScheduler(c.env);
    return c.json({
      registration: await view(db, event.id, current.id),
      link: await personalLink(c.get("config"), rotated, event),
    });
  })
  .post("/:eventId/registrations/:registrationId/link/revoke", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const current = await requireRegistration(db, event.id, c.req.param("registrationId"));
    if (current.linkRevokedAt === null) await revokeLink(db, event, current, c.get("actor"));
    return c.json({ registration: await view(db, event.id, current.id) });
  });
