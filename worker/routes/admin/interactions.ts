import { sessionRoom } from "../../../server/rooms";
import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import type {
  AttendanceResponse,
  PreparedInteraction,
  SessionResultsResponse,
} from "../../../core/contract/interactions";
import { database, type Db } from "../../../server/db/client";
import {
  attendanceOf,
  deletePrepared,
  findPrepared,
  insertPrepared,
  orderPrepared,
  preparedOf,
  questionResultsOf,
  replacePrepared,
  resultsOf,
} from "../../../server/db/interactions";
import { auditEntry } from "../../../server/db/audit";
import { runBatch } from "../../../server/db/batch";
import type { PreparedInteractionRow } from "../../../server/db/schema";
import { findSession } from "../../../server/db/sessions";
import { notFound, validationFailed } from "../../../server/errors";
import { newId } from "../../../server/ids";
import { jsonBody } from "../../lib/validation";
import { PreparedBody, PreparedOrderBody, PreparedUpdateBody } from "../../schemas/interactions";
import type { Outcome } from "../../../core/rules/outcome";
import { preparePoll, prepareQuiz, prepareWordcloud } from "../../../core/rules/prepare";

/** The same checks the session object applies when a moderator creates one live. */
function prepare(body: PreparedUpdateBody): Outcome<PreparedBody["definition"]> {
  switch (body.kind) {
    case "poll":
      return preparePoll(body.definition);
    case "quiz":
      return prepareQuiz(body.definition);
    case "wordcloud":
      return prepareWordcloud(body.definition);
    default:
      return body satisfies never;
  }
}

async function sessionOr404(db: Db, sessionId: string) {
  const session = await findSession(db, sessionId);
  if (!session) throw notFound("This session");
  return session;
}

/** The checked definition, or 422 naming the field as the request spelt it (`definition.options.1`). */
function preparedOrThrow(body: PreparedUpdateBody): PreparedBody["definition"] {
  const definition = prepare(body);
  if (!definition.ok)
    throw validationFailed({
      [`definition.${(definition.field ?? "").replace(/^(poll|quiz|cloud)\./, "")}`]: definition.message,
    });
  return definition.value;
}

const titleOf = (d: PreparedBody["definition"]): string =>
  "question" in d ? d.question : "title" in d ? d.title : d.prompt;

const toPrepared = (r: PreparedInteractionRow): PreparedInteraction =>
  ({
    id: r.id,
    sessionId: r.sessionId,
    kind: r.kind,
    definition: r.definition,
    position: r.position,
  }) as PreparedInteraction;

/** Tells the session's object to import the change now (moderators see it without reconnecting). */
async function syncObject(env: AppEnv["Bindings"], sessionId: string): Promise<void> {
  await sessionRoom(env, sessionId).syncPrepared();
}

/**
 * `/api/admin/sessions/:sessionId/…` — polls, quizzes and word clouds prepared ahead (they appear
 * as drafts for the session's moderators), and the session's results and attendance.
 */
export const interactions = new Hono<AppEnv>()
  .get("/:sessionId/prepared", async (c) => {
    const db = database(c.env.DB);
    await sessionOr404(db, c.req.param("sessionId"));
    const rows = await preparedOf(db, c.req.param("sessionId"));
    return c.json({ items: rows.map(toPrepared) });
  })
  .post("/:sessionId/prepared", async (c) => {
    const db = database(c.env.DB);
    const session = await sessionOr404(db, c.req.param("sessionId"));
    const body = await jsonBody(c, PreparedBody);
    const definition = preparedOrThrow(body);
    const now = Date.now();
    const row = {
      id: newId("prep"),
      eventId: session.eventId,
      sessionId: session.id,
      kind: body.kind,
      definition,
      position: body.position,
    };
    await runBatch(db, [
      insertPrepared(db, row),
      auditEntry(db, c.get("actor"), "prepared.create", {
        eventId: session.eventId,
        target: `prepared:${row.id}`,
        details: { sessionId: session.id, kind: body.kind, title: titleOf(definition) },
      }),
    ]);
    await syncObject(c.env, session.id);
    return c.json(toPrepared({ ...row, createdAt: now, updatedAt: now }), 201);
  })
  /**
   * An edit replaces the item under a new id: the session object imports each prepared id once,
   * so the new id makes it drop the old draft and import the edited one. A poll a moderator
   * already opened keeps its votes and stays as it was.
   */
  .patch("/:sessionId/prepared/:id", async (c) => {
    const db = database(c.env.DB);
    const session = await sessionOr404(db, c.req.param("sessionId"));
    const old = await findPrepared(db, session.id, c.req.param("id"));
    if (!old) throw notFound("This prepared item");
    const body = await jsonBody(c, PreparedUpdateBody);
    const definition = preparedOrThrow(body);
    const now = Date.now();
    const row = {
      id: newId("prep"),
      eventId: session.eventId,
      sessionId: session.id,
      kind: body.kind,
      definition,
      position: old.position,
      createdAt: old.createdAt,
      updatedAt: now,
    };
    await runBatch(db, [
      ...replacePrepared(db, session.id, old.id, row),
      auditEntry(db, c.get("actor"), "prepared.update", {
        eventId: session.eventId,
        target: `prepared:${row.id}`,
        details: { sessionId: session.id, replaces: old.id, kind: body.kind, title: titleOf(definition) },
      }),
    ]);
    await syncObject(c.env, session.id);
    return c.json(toPrepared(row));
  })
  .post("/:sessionId/prepared/reorder", async (c) => {
    const db = database(c.env.DB);
    const session = await sessionOr404(db, c.req.param("sessionId"));
    const { ids } = await jsonBody(c, PreparedOrderBody);
    const current = await preparedOf(db, session.id);
    const known = new Set(current.map((r) => r.id));
    // Every item exactly once: an order made from a stale list would silently misplace the rest.
    if (ids.length !== known.size || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id)))
      throw validationFailed({ ids: "must list each of the session's prepared items once" });
    const now = Date.now();
    await runBatch(db, [
      ...orderPrepared(db, session.id, ids, now),
      auditEntry(db, c.get("actor"), "prepared.reorder", {
        eventId: session.eventId,
        target: `session:${session.id}`,
        details: { ids },
      }),
    ]);
    await syncObject(c.env, session.id);
    return c.json({ items: (await preparedOf(db, session.id)).map(toPrepared) });
  })
  .delete("/:sessionId/prepared/:id", async (c) => {
    const db = database(c.env.DB);
    const session = await sessionOr404(db, c.req.param("sessionId"));
    if (!(await deletePrepared(db, session.id, c.req.param("id")))) throw notFound("This prepared item");
    await auditEntry(db, c.get("actor"), "prepared.delete", {
      eventId: session.eventId,
      target: `prepared:${c.req.param("id")}`,
      details: { sessionId: session.id },
    });
    await syncObject(c.env, session.id);
    return c.body(null, 204);
  })
  .get("/:sessionId/results", async (c) => {
    const db = database(c.env.DB);
    const sessionId = (await sessionOr404(db, c.req.param("sessionId"))).id;
    const [results, questions] = await Promise.all([resultsOf(db, sessionId), questionResultsOf(db, sessionId)]);
    return c.json({
      sessionId,
      results: results.map((r) => ({
        interactionId: r.interactionId,
        title: r.title,
        closedAt: r.closedAt,
        result: r.result,
      })),
      questions: questions.map(({ sessionId: _, ...q }) => q),
    } satisfies SessionResultsResponse);
  })
  .get("/:sessionId/attendance", async (c) => {
    const db = database(c.env.DB);
    const sessionId = (await sessionOr404(db, c.req.param("sessionId"))).id;
    const visits = await attendanceOf(db, sessionId);
    return c.json({
      sessionId,
      visits: visits.map(({ sessionId: _, ...visit }) => visit),
      people: new Set(visits.map((v) => v.registrationId)).size,
    } satisfies AttendanceResponse);
  });
