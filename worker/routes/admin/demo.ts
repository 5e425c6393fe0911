import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { database } from "../../../server/db/client";
import { auditEntry } from "../../../server/audit";
import { ensureDemo } from "../../../server/dev/demo";
import { wakeScheduler } from "../../../server/invitations/scheduler";

/**
 * `POST /api/admin/demo` — creates (or revives) the demo event, queues its people's invitations
 * (sent at once: the demo has started) and returns their links.
 */
export const demo = new Hono<AppEnv>().post("/", async (c) => {
  const db = database(c.env.DB);
  const result = await ensureDemo(db, c.get("config"), Date.now());
  if (result.created) await auditEntry(db, c.get("actor"), "demo.seed", { eventId: result.event.id, target: `event:${result.event.id}` });
  await wakeScheduler(c.env);
  return c.json(result, result.created ? 201 : 200);
});
