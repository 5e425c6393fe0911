import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { database } from "../../../server/db/client";
import { ensureCrowd } from "../../../server/dev/crowd";
import { jsonBody } from "../../lib/validation";
import { CrowdBody } from "../../schemas/interactions";


/** `POST /api/admin/demo/crowd {count}` — demo participants in bulk, with their links (load tests, lively demos). */
export const crowd = new Hono<AppEnv>().post("/", async (c) => {
  const { count } = await jsonBody(c, CrowdBody);
  return c.json(await ensureCrowd(database(c.env.DB), c.get("config"), count));
});
