import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import type { PublicEvent } from "../../core/contract/index";
import { database } from "../../server/db/client";
import { findEventBySlug, registrationCount } from "../../server/db/events";
import { sessionsOf } from "../../server/db/sessions";
import { selectionCounts } from "../../server/db/registrations";
import type { EventRow } from "../../server/db/schema";
import { notFound } from "../../server/errors";
import { wakeScheduler } from "../../server/invitations/scheduler";
import { clientKey, enforceLimit } from "../lib/rate-limit";
import { registerPublicly } from "../../server/registration/public";
import { toZonedIso } from "../../server/time";
import { publicBranding } from "../../server/branding";
import { fieldIn, textOf } from "../../server/texts";
import { jsonBody, queryWith } from "../lib/validation";
import { LanguageQuery } from "../schemas/common";
import { PublicRegistrationBody } from "../schemas/registrations";

async function eventBySlug(db: ReturnType<typeof database>, slug: string): Promise<EventRow> {
  const event = await findEventBySlug(db, slug);
  if (!event) throw notFound(`There is no event at /e/${slug.slice(0, 80)}; check the address`);
  return event;
}

/**
 * The public side of registration: `GET /api/events/:slug` (what the form shows) and
 * `POST /api/events/:slug/registrations`. Flood protection counts requests per client IP with the
 * Workers Rate Limiting binding; a per-person cooldown on e-mails lives in the registration logic.
 */
export const publicEvents = new Hono<AppEnv>()
  .get("/:slug", async (c) => {
    const db = database(c.env.DB);
    const event = await eventBySlug(db, c.req.param("slug"));
    // The visitor is not known yet: the page asks for its own language; the event's first otherwise.
    const language = queryWith(c, LanguageQuery).lang ?? event.defaultLanguage;
    const text = (row: Parameters<typeof textOf>[0], key: "title" | "description") =>
      textOf(row, key, language, event.languages);
    const [sessions, counts, taken] = await Promise.all([
      sessionsOf(db, event.id),
      selectionCounts(db, event.id),
      event.capacity === null ? 0 : registrationCount(db, event.id),
    ]);
    const now = Date.now();
    const zoned = (ms: number) => toZonedIso(ms, event.timezone);
    return c.json({
      slug: event.slug,
      title: text(event, "title"),
      description: text(event, "description"),
      timezone: event.timezone,
      startsAt: new Date(event.startsAt).toISOString(),
      endsAt: new Date(event.endsAt).toISOString(),
      startsAtLocal: zoned(event.startsAt),
      endsAtLocal: zoned(event.endsAt),
      defaultLanguage: event.defaultLanguage,
      languages: event.languages,
      language,
      registrationOpen: event.registrationOpen && now < event.endsAt,
      full: event.capacity !== null && taken >= event.capacity,
      fields: event.fields.map((f) => fieldIn(f, language, event.languages)),
      choices: sessions
        .filter((s) => s.selectable)
        .map((s) => ({
          id: s.id,
          kind: s.kind,
          title: text(s, "title"),
          description: text(s, "description"),
          startsAtLocal: zoned(s.startsAt),
          endsAtLocal: zoned(s.endsAt),
          full: s.capacity !== null && (counts.get(s.id) ?? 0) >= s.capacity,
        })),
      branding: publicBranding(event),
    } satisfies PublicEvent);
  })
  .post("/:slug/registrations", async (c) => {
    await enforceLimit(c.env.REGISTRATION_LIMITER, `register:${clientKey(c)}`);
    const db = database(c.env.DB);
    const event = await eventBySlug(db, c.req.param("slug"));
    const body = await jsonBody(c, PublicRegistrationBody);
    const result = await registerPublicly(db, event, body);
    await wakeScheduler(c.env);
    return c.json(result, 201);
  });
