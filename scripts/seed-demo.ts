/**
 * Seeds the demo straight into the local D1 (through wrangler's platform proxy), before
 * `wrangler dev` starts, so `npm start` can print working links before the server answers.
 * Loaded with Vite's module runner: it reuses the worker's own code, unchanged.
 */
import { getConfig, type Settings } from "../server/config";
import { database } from "../server/db/client";
import { auditEntry } from "../server/db/audit";
import { ensureDemo, type DemoResult } from "../server/dev/demo";

export async function seedDemo(env: Settings & { DB: Parameters<typeof database>[0] }): Promise<DemoResult> {
  const db = database(env.DB);
  const result = await ensureDemo(db, getConfig(env), Date.now());
  if (result.created) {
    await auditEntry(db, { actor: "npm start", ip: null }, "demo.seed", {
      eventId: result.event.id,
      target: `event:${result.event.id}`,
    });
  }
  return result;
}
