import { Hono } from "hono";
import * as v from "valibot";
import type { AppEnv } from "../../app-env";
import { database } from "../../db/client";
import { CROWD_MAX, ensureCrowd } from "../../lib/crowd";
import { jsonBody } from "../../lib/validate";

const CrowdBody = v.strictObject({ count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(CROWD_MAX)) });

/** `POST /api/admin/demo/crowd {count}` — demo participants in bulk, with their links (load tests, lively demos). */
export const crowd = new Hono<AppEnv>().post("/", async (c) => {
  const { count } = await jsonBody(c, CrowdBody);
  return c.json(await ensureCrowd(database(c.env.DB), c.get("config"), count));
});
