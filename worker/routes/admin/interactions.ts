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
  insertPrepared,
  preparedOf,
  questionResultsOf,
  resultsOf,
} from "../../../server/db/interactions";
import type { PreparedInteractionRow } from "../../../server/db/schema";
import { findSession } from "../../../server/db/sessions";
import { notFound, validationFailed } from "../../../server/errors";
import { newId } from "../../../server/ids";
import { jsonBody } from "../../lib/validation";
import { PreparedBody } from "../../schemas/interactions";
import { cleanText } from "../../../core/rules/text";
import { Limits } from "../../../core/protocol/limits";
import type { Outcome } from "../../../core/rules/outcome";
import { preparePoll, prepareQuiz } from "../../../core/rules/prepare";

/** The same checks the session object applies when a moderator creates one live. */
function prepare(body: PreparedBody): Outcome<PreparedBody["definition"]> {
  switch (body.kind) {
    case "poll":
      return preparePoll(body.definition);
    case "quiz":
      return prepareQuiz(body.definition);
    case "wordcloud": {
      const prompt = cleanText(body.definition.prompt, Limits.wordcloudPromptChars, { field: "prompt" });
      return prompt.ok ? { ok: true, value: { ...body.definition, prompt: prompt.value } } : prompt;
    }
    default:
      return body satisfies never;
  }
}

async function sessionOr404(db: Db, sessionId: string) {
  const session = await findSession(db, sessionId);
  if (!session) throw notFound("This session");
  return session;
}

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
    const definition = prepare(body);
    if (!definition.ok)
      throw validationFailed({
        [`definition.${(definition.field ?? "").replace(/^(poll|quiz|cloud)\./, "")}`]: definition.message,
      });
    const row = {
      id: newId("prep"),
      eventId: session.eventId,
      sessionId: session.id,
      kind: body.kind,
      definition: definition.value,
      position: body.position,
    };
    await insertPrepared(db, row);
    await syncObject(c.env, session.id);
    return c.json(toPrepared({ ...row, createdAt: Date.now(), updatedAt: Date.now() }), 201);
  })
  .delete("/:sessionId/prepared/:id", async (c) => {
    const db = database(c.env.DB);
    const sessionId = c.req.param("sessionId");
    if (!(await deletePrepared(db, sessionId, c.req.param("id")))) throw notFound("This prepared item");
    await syncObject(c.env, sessionId);
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
