import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import type { MeResponse, ProgrammeResponse, SelectionsResponse } from "../../core/contract/index";
import { database } from "../../server/db/client";
import { sessionsOf } from "../../server/db/sessions";
import { findTechCheck } from "../../server/db/tech-checks";
import { requireSignin } from "../middleware/signin";
import { personalCalendar } from "../../server/calendar";
import { buildProgramme } from "../../server/programme";
import { selectSession } from "../../server/registration/selection";
import { readingLanguage } from "../lib/session-access";
import { textOf } from "../../server/texts";
import { publicBranding } from "../../server/branding";

export const me = new Hono<AppEnv>()
  .use(requireSignin)
  .get("/", async (c) => {
    const { registration: r, event: e } = c.get("me");
    const check = await findTechCheck(database(c.env.DB), r.id);
    return c.json({
      registration: { id: r.id, name: r.name, email: r.email, role: r.role, language: r.language },
      techCheck: check ? { overall: check.overall, checkedAt: new Date(check.checkedAt).toISOString() } : null,
      event: {
        id: e.id,
        slug: e.slug,
        title: textOf(e, "title", readingLanguage(c), e.languages),
        timezone: e.timezone,
        startsAt: new Date(e.startsAt).toISOString(),
        endsAt: new Date(e.endsAt).toISOString(),
        branding: publicBranding(e),
      },
    } satisfies MeResponse);
  })
  .get("/programme", async (c) => {
    const { registration, event } = c.get("me");
    const sessions = await sessionsOf(database(c.env.DB), event.id);
    return c.json(
      buildProgramme(sessions, registration, event, Date.now(), readingLanguage(c)) satisfies ProgrammeResponse,
    );
  })
  .put("/selections/:sessionId", async (c) => {
    const { registration } = c.get("me");
    const selections = await selectSession(database(c.env.DB), registration, c.req.param("sessionId"), Date.now());
    return c.json({ selections } satisfies SelectionsResponse);
  })
  .get("/calendar.ics", (c) => {
    const { registration, event } = c.get("me");
    return personalCalendar(database(c.env.DB), c.get("config"), registration, event);
  });
