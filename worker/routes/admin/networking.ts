import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import type { NetworkingSettings } from "../../../core/contract/networking";
import { runBatch } from "../../../server/db/batch";
import { database } from "../../../server/db/client";
import { requireEvent } from "../../../server/db/events";
import { peopleWithPreferences, rekeyStatements, saveNetworkingSettings } from "../../../server/db/networking";
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
    const settings: NetworkingSettings = {
      organisationAttribute: body.organisationAttribute,
      directoryAttributes: [...new Set(body.directoryAttributes)],
    };
    const now = Date.now();
    // The folded search keys include the organisation: recompute them with the new attribute.
    const listed = await peopleWithPreferences(db, event.id);
    const keys = listed.map((r) => ({ id: r.id, key: searchKeyOf(r, settings) }));
    await runBatch(db, [
      saveNetworkingSettings(db, event.id, settings, now),
      ...rekeyStatements(db, keys),
      auditEntry(
        db,
        c.get("actor"),
        "networking.update",
        { eventId: event.id, target: `event:${event.id}`, details: { ...settings } },
        now,
      ),
    ]);
    return c.json(settings satisfies NetworkingSettings);
  });
