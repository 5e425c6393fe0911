import { eq, sql } from "drizzle-orm";
import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import type { NetworkingSettings } from "../../../core/contract/networking";
import { runBatch } from "../../../server/db/batch";
import { database } from "../../../server/db/client";
import { requireEvent } from "../../../server/db/events";
import { networkingPreferences, networkingSettings, registrations } from "../../../server/db/schema";
import { auditEntry } from "../../../server/db/audit";
import { searchKeyOf, settingsOf } from "../../../server/networking";
import { jsonBody } from "../../lib/validation";
import { NetworkingSettingsBody } from "../../schemas/networking";

/**
 * `/api/admin/events/:eventId/networking` — what the event's directory shows: the attribute that
 * holds a person's organisation, and a few more attributes for the cards. Only listed people ever
 * appear; this decides what of them.
 */
export const adminNetworking = new Hono<AppEnv>()
  .get("/:eventId/networking", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    return c.json((await settingsOf(db, event.id)) satisfies NetworkingSettings);
  })
  .put("/:eventId/networking", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const body = await jsonBody(c, NetworkingSettingsBody);
    const settings: NetworkingSettings = { organisationAttribute: body.organisationAttribute, directoryAttributes: [...new Set(body.directoryAttributes)] };
    const now = Date.now();
    // The folded search keys include the organisation: recompute them with the new attribute.
    const listed = await db
      .select({ id: registrations.id, name: registrations.name, attributes: registrations.attributes })
      .from(networkingPreferences)
      .innerJoin(registrations, eq(registrations.id, networkingPreferences.registrationId))
      .where(eq(networkingPreferences.eventId, event.id))
      .all();
    const keys = listed.map((r) => ({ id: r.id, key: searchKeyOf(r, settings) }));
    const rekey = [];
    for (let i = 0; i < keys.length; i += 500) {
      const chunk = JSON.stringify(keys.slice(i, i + 500));
      rekey.push(
        db.run(sql`update networking_preferences set search_key = (select json_extract(value, '$.key') from json_each(${chunk}) where json_extract(value, '$.id') = registration_id)
          where registration_id in (select json_extract(value, '$.id') from json_each(${chunk}))`),
      );
    }
    await runBatch(db, [
      db
        .insert(networkingSettings)
        .values({ eventId: event.id, ...settings, updatedAt: now })
        .onConflictDoUpdate({ target: networkingSettings.eventId, set: { ...settings, updatedAt: now } }),
      ...rekey,
      auditEntry(db, c.get("actor"), "networking.update", { eventId: event.id, target: `event:${event.id}`, details: { ...settings } }, now),
    ]);
    return c.json(settings satisfies NetworkingSettings);
  });
