import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import type { TechCheckSubmission } from "../../core/contract/index";
import { database } from "../../server/db/client";
import { saveTechCheck } from "../../server/db/tech-checks";
import { validationFailed } from "../../server/errors";
import { jsonBody } from "../lib/validation";
import { requireSignin } from "../middleware/signin";
import { TechCheckBody } from "../schemas/tech-check";

const MAX_DOWNLOAD = 1024 * 1024;
const CHUNK = 64 * 1024;

/**
 * The tech check's probes (round trip and a short download from our edge) and where its result
 * is remembered. The probes need a sign-in that still holds (a revoked link ends them too); the
 * ping says in `Server-Timing` how long that check took, and the page takes it off the round trip.
 */
export const techCheck = new Hono<AppEnv>()
  .get("/tech-check/ping", async (c) => {
    // The clock moves across I/O only, so this is the D1 read of the sign-in check.
    const start = Date.now();
    await requireSignin(c, async () => {});
    return c.body(null, 204, { "Cache-Control": "no-store", "Server-Timing": `auth;dur=${Date.now() - start}` });
  })
  .get("/tech-check/download", requireSignin, (c) => {
    const requested = Number(c.req.query("bytes") ?? 256 * 1024);
    if (!Number.isInteger(requested) || requested < 1 || requested > MAX_DOWNLOAD) {
      throw validationFailed({ bytes: `must be a whole number from 1 to ${MAX_DOWNLOAD}` });
    }
    // Random bytes: nothing on the way can compress them, so the timing measures the link.
    let left = requested;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const size = Math.min(CHUNK, left);
        controller.enqueue(crypto.getRandomValues(new Uint8Array(size)));
        left -= size;
        if (left === 0) controller.close();
      },
    });
    return c.body(body, 200, {
      "Content-Type": "application/octet-stream",
      "Content-Length": String(requested),
      "Cache-Control": "no-store",
      "Content-Encoding": "identity",
    });
  })
  .post("/me/tech-check", requireSignin, async (c) => {
    const submission: TechCheckSubmission = await jsonBody(c, TechCheckBody);
    const row = {
      registrationId: c.get("me").registration.id,
      overall: submission.overall,
      checks: submission.checks,
      userAgent: c.req.header("User-Agent")?.slice(0, 300) ?? null,
      checkedAt: Date.now(),
    };
    await saveTechCheck(database(c.env.DB), row);
    return c.json({ overall: row.overall, checkedAt: new Date(row.checkedAt).toISOString() });
  });
