import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { database } from "../../db/client";
import { ensureDemo } from "../../lib/demo";

/** `POST /api/admin/demo` — creates (or revives) the demo event and returns its people's links. */
export const demo = new Hono<AppEnv>().post("/", async (c) => {
  const result = await ensureDemo(database(c.env.DB), c.get("config"), Date.now());
  return c.json(result, result.created ? 201 : 200);
});
