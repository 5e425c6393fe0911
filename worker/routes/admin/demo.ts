import { Hono, type Context } from "hono";
import type { AppEnv } from "../../app-env";
import { database } from "../../../server/db/client";
import { auditEntry } from "../../../server/db/audit";
import { wakeScheduler } from "../../../server/invitations/scheduler";
import { jsonBody } from "../../lib/validation";
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
    const { ensureDemo } = await import("../../../server/dev/demo");
    const db = database(c.env.DB);
    const result = await ensureDemo(db, c.get("config"), Date.now());
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
    const { ensureCrowd } = await import("../../../server/dev/crowd");
    return c.json(await ensureCrowd(database(c.env.DB), c.get("config"), count));
  });
