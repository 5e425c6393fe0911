import { Hono, type Context } from "hono";
import type { AppEnv } from "../../app-env";
import { database } from "../../../server/db/client";
import { auditEntry } from "../../../server/db/audit";
import { wakeScheduler } from "../../../server/invitations/scheduler";
import { jsonBody } from "../../lib/validation";
import { findEventBySlug } from "../../../server/db/events";
import { notFound } from "../../../server/errors";
import { access } from "../../../server/organizers/access";
import { createIn } from "./events";
import { CrowdBody } from "../../schemas/demo";

/**
 * The demo's seeding, for `npm start`, the e2e tests and the benchmarks (DEMO=true). Without the
 * setting these routes answer like any unknown route, and the seeding code never runs: it is
 * imported on demand. (wrangler still bundles it, a Worker being one script, but its modules are
 * evaluated only by that import.)
 */
const demoOff = (c: Context<AppEnv>) => !c.get("config").demo;

/**
 * - `POST /api/admin/demo` — creates (or revives) the demo event, queues its people's invitations
 *   (sent at once: the demo has started) and returns their links.
 * - `POST /api/admin/demo/crowd {count}` — demo participants in bulk, with their links (load
 *   tests, lively demos).
 */
export const demo = new Hono<AppEnv>()
  .post("/", async (c) => {
    if (demoOff(c)) return c.notFound();
    const { ensureDemo, DEMO_SLUG } = await import("../../../server/dev/demo");
    const db = database(c.env.DB);
    const organizer = c.get("organizer");
    // The demo lives in one workspace: a caller who may not change it there is told it is not found.
    const existing = await findEventBySlug(db, DEMO_SLUG);
    if (existing?.workspaceId && access(organizer, "events:write", { ...existing, eventId: existing.id }) !== "ok")
      throw notFound("The demo event");
    const workspaceId = existing?.workspaceId ?? createIn(organizer, undefined);
    const result = await ensureDemo(db, c.get("config"), Date.now(), workspaceId);
    if (result.created)
      await auditEntry(db, c.get("actor"), "demo.seed", {
        eventId: result.event.id,
        target: `event:${result.event.id}`,
      });
    await wakeScheduler(c.env);
    return c.json(result, result.created ? 201 : 200);
  })
  .post("/crowd", async (c) => {
    if (demoOff(c)) return c.notFound();
    const { count } = await jsonBody(c, CrowdBody);
    const { DEMO_SLUG } = await import("../../../server/dev/demo");
    const existing = await findEventBySlug(database(c.env.DB), DEMO_SLUG);
    if (!existing || access(c.get("organizer"), "registrations:write", { ...existing, eventId: existing.id }) !== "ok")
      throw notFound("The demo event (POST /api/admin/demo first)");
    const { ensureCrowd } = await import("../../../server/dev/crowd");
    return c.json(await ensureCrowd(database(c.env.DB), c.get("config"), count));
  });
