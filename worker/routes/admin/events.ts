import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { database, type Db } from "../../../server/db/client";
import {
  insertEvent,
  listEvents,
  registrationCounts,
  requireEvent,
  slugInUse,
  updateEvent,
} from "../../../server/db/events";
import { copyStatements, readCopySource } from "../../../server/db/event-copy";
import type { ProgrammeSessionRow } from "../../../server/db/schema";
import { insertSession, requireSession, sessionsOf, updateSession } from "../../../server/db/sessions";
import { auditEntry } from "../../../server/db/audit";
import { ApiError, ErrorCode, notFound, validationFailed } from "../../../server/errors";
import { type Principal, visibleWith, workspaceForCreate } from "../../../server/organizers/access";
import { newId } from "../../../server/ids";
import { wakeScheduler } from "../../../server/invitations/scheduler";
import { refuseRuleBreaks } from "../../lib/form-conflicts";
import { jsonBody } from "../../lib/validation";
import { eventView, sessionView } from "../../lib/views";
import { toMillis } from "../../schemas/common";
import { EventCreate, EventDuplicate, EventUpdate, SessionCreate, SessionUpdate } from "../../schemas/events";
import { runBatch } from "../../../server/db/batch";
import { eventLanguages, textColumns } from "../../../server/texts";

/** The workspace a new event goes into (see `workspaceForCreate`), or the matching error. */
export function createIn(p: Principal, requested: string | undefined): string {
  const choice = workspaceForCreate(p, requested);
  if (choice.ok) return choice.workspaceId;
  switch (choice.problem) {
    case "hidden":
      throw notFound("This workspace");
    case "ambiguous":
      throw validationFailed({ workspaceId: "is required: you can create events in more than one workspace" });
    default:
      throw new ApiError(403, ErrorCode.forbidden, "Your role or token does not allow creating events here.");
  }
}

function checkTimes(startsAt: number, endsAt: number): void {
  if (endsAt <= startsAt) throw validationFailed({ endsAt: "must be after the start" });
}

const slugTaken = (slug: string) =>
  new ApiError(409, ErrorCode.conflict, `Another event already uses the slug "${slug}".`, { slug: "is already taken" });

/** `/api/admin/events` — events and their programme sessions. */
export const adminEvents = new Hono<AppEnv>()
  .get("/", async (c) => {
    const db = database(c.env.DB);
    const rows = await listEvents(db, visibleWith(c.get("organizer"), "events:read"));
    const counts = await registrationCounts(
      db,
      rows.map((r) => r.id),
    );
    return c.json({ items: rows.map((r) => ({ ...eventView(r), registrations: counts.get(r.id) ?? 0 })) });
  })
  .post("/", async (c) => {
    const { workspaceId: requested, ...body } = await jsonBody(c, EventCreate);
    const workspaceId = createIn(c.get("organizer"), requested);
    const db = database(c.env.DB);
    const startsAt = toMillis(body.startsAt);
    const endsAt = toMillis(body.endsAt);
    checkTimes(startsAt, endsAt);
    if (await slugInUse(db, body.slug)) throw slugTaken(body.slug);
    const now = Date.now();
    const id = newId("evt");
    const languages = eventLanguages(undefined, body);
    const { title, description, ...rest } = body;
    const texts = textColumns({ title, description }, {}, languages[0]!);
    await runBatch(db, [
      insertEvent(db, {
        ...rest,
        title: texts.title!,
        description: texts.description!,
        translations: texts.translations,
        defaultLanguage: languages[0]!,
        languages,
        id,
        workspaceId,
        startsAt,
        endsAt,
        createdAt: now,
        updatedAt: now,
      }),
      auditEntry(
        db,
        c.get("actor"),
        "event.create",
        { eventId: id, target: `event:${id}`, details: { slug: body.slug, title: body.title } },
        now,
      ),
    ]);
    return c.json({ ...eventView(await requireEvent(db, id)), sessions: [] }, 201);
  })
  .get("/:eventId", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    return c.json({ ...eventView(event), sessions: (await sessionsOf(db, event.id)).map(sessionView) });
  })
  .patch("/:eventId", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const body = await jsonBody(c, EventUpdate);
    const startsAt = body.startsAt ? toMillis(body.startsAt) : event.startsAt;
    const endsAt = body.endsAt ? toMillis(body.endsAt) : event.endsAt;
    checkTimes(startsAt, endsAt);
    if (body.slug && body.slug !== event.slug && (await slugInUse(db, body.slug))) {
      throw slugTaken(body.slug);
    }
    if (body.fields) await refuseRuleBreaks(db, event, body.fields);
    const now = Date.now();
    const languages = eventLanguages(event.languages, body);
    const { title, description, ...rest } = body;
    const texts = textColumns({ title, description }, event.translations, languages[0]!);
    await runBatch(db, [
      updateEvent(db, event.id, {
        ...rest,
        ...texts,
        defaultLanguage: languages[0]!,
        languages,
        startsAt,
        endsAt,
        updatedAt: now,
      }),
      auditEntry(
        db,
        c.get("actor"),
        "event.update",
        { eventId: event.id, target: `event:${event.id}`, details: { changed: body } },
        now,
      ),
    ]);
    // Automatic invitations follow the event's start and lead time.
    if (body.startsAt || body.inviteLeadMinutes !== undefined) await wakeScheduler(c.env);
    return c.json({
      ...eventView(await requireEvent(db, event.id)),
      sessions: (await sessionsOf(db, event.id)).map(sessionView),
    });
  })
  .post("/:eventId/duplicate", async (c) => {
    const db = database(c.env.DB);
    const source = await requireEvent(db, c.req.param("eventId"));
    const { slug, title, startsAt: start, workspaceId: requested } = await jsonBody(c, EventDuplicate);
    // The gate checked events:write on the original; the copy is a new event in its workspace
    // (or the one asked for), which needs events:write there at the workspace level.
    const workspaceId = createIn(c.get("organizer"), requested ?? source.workspaceId ?? undefined);
    if (await slugInUse(db, slug)) throw slugTaken(slug);
    const now = Date.now();
    const id = newId("evt");
    const startsAt = toMillis(start);
    const texts = title === undefined ? {} : textColumns({ title }, source.translations, source.languages[0]!);
    const { statements, sessionIds } = copyStatements(db, await readCopySource(db, source), {
      event: {
        ...source,
        ...texts,
        id,
        slug,
        workspaceId,
        startsAt,
        endsAt: source.endsAt + (startsAt - source.startsAt),
        createdAt: now,
        updatedAt: now,
      },
      newId,
      now,
    });
    await runBatch(db, [
      ...statements,
      auditEntry(
        db,
        c.get("actor"),
        "event.duplicate",
        { eventId: id, target: `event:${id}`, details: { from: source.id, slug, sessions: sessionIds.size } },
        now,
      ),
    ]);
    return c.json(
      { ...eventView(await requireEvent(db, id)), sessions: (await sessionsOf(db, id)).map(sessionView) },
      201,
    );
  })
  .get("/:eventId/sessions", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    return c.json({ items: (await sessionsOf(db, event.id)).map(sessionView) });
  })
  .post("/:eventId/sessions", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const body = await jsonBody(c, SessionCreate);
    const startsAt = toMillis(body.startsAt);
    const endsAt = toMillis(body.endsAt);
    checkTimes(startsAt, endsAt);
    if (body.parentSessionId) await parentIn(db, event.id, body.parentSessionId);
    const now = Date.now();
    const id = newId("ses");
    const { title, description, ...rest } = body;
    const texts = textColumns({ title, description }, {}, event.defaultLanguage);
    await runBatch(db, [
      insertSession(db, {
        ...rest,
        title: texts.title!,
        description: texts.description!,
        translations: texts.translations,
        id,
        eventId: event.id,
        startsAt,
        endsAt,
        createdAt: now,
        updatedAt: now,
      }),
      auditEntry(
        db,
        c.get("actor"),
        "session.create",
        { eventId: event.id, target: `session:${id}`, details: { title: body.title, kind: body.kind } },
        now,
      ),
    ]);
    return c.json(sessionView(await requireSession(db, event.id, id)), 201);
  })
  .get("/:eventId/sessions/:sessionId", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    return c.json(sessionView(await requireSession(db, event.id, c.req.param("sessionId"))));
  })
  .patch("/:eventId/sessions/:sessionId", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const session = await requireSession(db, event.id, c.req.param("sessionId"));
    const body = await jsonBody(c, SessionUpdate);
    const startsAt = body.startsAt ? toMillis(body.startsAt) : session.startsAt;
    const endsAt = body.endsAt ? toMillis(body.endsAt) : session.endsAt;
    checkTimes(startsAt, endsAt);
    if (body.parentSessionId) {
      if (body.parentSessionId === session.id) throw validationFailed({ parentSessionId: "must be another session" });
      await parentIn(db, event.id, body.parentSessionId);
    }
    const now = Date.now();
    const { title, description, ...rest } = body;
    const texts = textColumns({ title, description }, session.translations, event.defaultLanguage);
    await runBatch(db, [
      updateSession(db, session.id, { ...rest, ...texts, startsAt, endsAt, updatedAt: now }),
      auditEntry(
        db,
        c.get("actor"),
        "session.update",
        { eventId: event.id, target: `session:${session.id}`, details: { changed: body } },
        now,
      ),
    ]);
    return c.json(sessionView(await requireSession(db, event.id, session.id)));
  });

async function parentIn(db: Db, eventId: string, parentId: string): Promise<ProgrammeSessionRow> {
  try {
    return await requireSession(db, eventId, parentId);
  } catch {
    throw validationFailed({ parentSessionId: "must be a session of this event" });
  }
}
