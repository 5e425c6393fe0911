import { Hono } from "hono";
import { isStaff } from "../../core/protocol/identity";
import type { AppEnv } from "../app-env";
import { ApiError } from "../../server/errors";
import { Pages, servePage } from "../lib/pages";
import { requireSignin } from "../middleware/signin";
import { publicBranding } from "../../server/branding";
import { database } from "../../server/db/client";
import { findSession } from "../../server/db/sessions";

/** Document routes: the client renders them; the worker adds the security headers. */
export const pages = new Hono<AppEnv>()
  .get("/", (c) => servePage(c, Pages.participant))
  .get("/e/*", (c) => servePage(c, Pages.participant))
  .get("/portal", (c) => servePage(c, Pages.participant))
  .get("/portal/*", (c) => servePage(c, Pages.participant))
  // The organizer pages are a separate bundle, so participants never download them.
  .get("/admin", (c) => servePage(c, Pages.admin))
  .get("/admin/*", (c) => servePage(c, Pages.admin))
  // Producer output pages (browser sources in OBS/vMix): signed in with the producer's own link,
  // like everything else. Moderators may open them too, to check what the stage will show.
  .get("/output/*", async (c) => {
    try {
      await requireSignin(c, async () => {});
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return servePage(c, Pages.output, { status: err.status, meta: { "output-status": "signed-out" } });
    }
    const me = c.get("me");
    if (!isStaff(me.registration.role)) {
      return servePage(c, Pages.output, { status: 403, meta: { "output-status": "forbidden" } });
    }
    // Staff of one event may not look into another's: a session elsewhere is as unknown as none.
    const sessionId = outputSessionId(c.req.path);
    const session = sessionId ? await findSession(database(c.env.DB), sessionId) : undefined;
    if (!session || session.eventId !== me.event.id) {
      return servePage(c, Pages.output, { status: 404, meta: { "output-status": "not-found" } });
    }
    // The output's words go out on the broadcast, so they speak the event's language, not the producer's.
    // They are captured into the broadcast, so they wear the event's colours too.
    const theme = publicBranding(me.event).theme;
    return servePage(c, Pages.output, {
      meta: { "event-language": me.event.defaultLanguage, ...(theme ? { "event-theme": JSON.stringify(theme) } : {}) },
    });
  });

/** The session of `/output/:sessionId/…`, or undefined for a path that names none. */
function outputSessionId(path: string): string | undefined {
  const segment = path.split("/")[2];
  if (!segment) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
