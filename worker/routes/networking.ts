import { Hono, type Context } from "hono";
import type { AppEnv } from "../app-env";
import type { ContactsResponse, DirectoryPage, PreferencesResponse } from "../../core/contract/networking";
import { database } from "../../server/db/client";
import { contactsOf, findPreferences, removeFromDirectory, savePreferences } from "../../server/db/networking";
import { findRegistration } from "../../server/db/registrations";
import { ApiError, ErrorCode, notFound } from "../../server/errors";
import { eventHub } from "../../server/rooms";
import {
  DEFAULT_PREFERENCES,
  directoryPage,
  entryOf,
  organisationOf,
  searchKeyOf,
  settingsOf,
} from "../../server/networking";
import { readingLanguage, requireOwnOrigin } from "../lib/session-access";
import { fieldIn } from "../../server/texts";
import { jsonBody, queryWith } from "../lib/validation";
import { requireSignin } from "../middleware/signin";
import { DirectoryQuery, PreferencesPatch } from "../schemas/networking";

/**
 * A participant's networking, under `/api/me`:
 * - `GET   /directory?q=&cursor=&limit=` — the people of the event who chose to be listed;
 * - `GET   /preferences`, `PATCH /preferences` — listed in the directory or not, invitations on or off;
 * - `GET   /contacts` — people who saved each other after a carousel round, with their e-mail;
 * - `DELETE /directory/:registrationId` — moderators take someone out of the directory at once.
 */
export const networking = new Hono<AppEnv>()
  .use(requireSignin)
  .get("/directory", async (c) => {
    const { registration, event } = c.get("me");
    const query = queryWith(c, DirectoryQuery);
    const db = database(c.env.DB);
    const settings = await settingsOf(db, event.id);
    const page = await directoryPage(db, settings, {
      eventId: event.id,
      viewerId: registration.id,
      q: query.q || undefined,
      cursor: query.cursor,
      limit: query.limit,
    });
    // Who has the portal open: the hub knows from its sockets (one call per page, not per person).
    const online = new Set(
      page.entries.length > 0
        ? await eventHub(c.env, event.id).onlineAmong(page.entries.map((e) => e.registrationId))
        : [],
    );
    return c.json({
      items: page.entries.map((e) => ({ ...e, online: online.has(e.registrationId) })),
      nextCursor: page.nextCursor,
      attributes: settings.directoryAttributes.map((key) => {
        const field = event.fields.find((f) => f.key === key);
        if (!field) return { key, label: key };
        const shown = fieldIn(field, readingLanguage(c), event.languages);
        return { key, label: shown.label, ...("optionLabels" in shown ? { optionLabels: shown.optionLabels } : {}) };
      }),
    } satisfies DirectoryPage);
  })
  .get("/preferences", async (c) => c.json(await preferencesOf(c)))
  .patch("/preferences", async (c) => {
    requireOwnOrigin(c, "change networking preferences");
    const body = await jsonBody(c, PreferencesPatch);
    const { registration, event } = c.get("me");
    const db = database(c.env.DB);
    const settings = await settingsOf(db, event.id);
    const current = (await findPreferences(db, registration.id)) ?? { ...DEFAULT_PREFERENCES, removedAt: null };
    if (body.listed && current.removedAt !== null) {
      throw new ApiError(
        403,
        ErrorCode.forbidden,
        "A moderator took you out of the directory. Ask them if you think this was a mistake.",
        { listed: "removed by a moderator" },
      );
    }
    const next = { listed: body.listed ?? current.listed, invitations: body.invitations ?? current.invitations };
    const values = {
      registrationId: registration.id,
      eventId: event.id,
      ...next,
      removedAt: current.removedAt,
      searchKey: searchKeyOf(registration, settings),
      updatedAt: Date.now(),
    };
    await savePreferences(db, values);
    // Invitations already waiting for someone who just stepped out are withdrawn at once.
    if (!next.listed || !next.invitations) {
      await eventHub(c.env, event.id).unavailable(registration.id);
    }
    return c.json(await preferencesOf(c));
  })
  .delete("/directory/:registrationId", async (c) => {
    requireOwnOrigin(c, "change the directory");
    const { registration, event } = c.get("me");
    if (registration.role !== "moderator")
      throw new ApiError(403, ErrorCode.forbidden, "Only moderators can take people out of the directory.");
    const db = database(c.env.DB);
    const target = await findRegistration(db, c.req.param("registrationId"));
    if (!target || target.eventId !== event.id) throw notFound("This person");
    const settings = await settingsOf(db, event.id);
    const now = Date.now();
    await removeFromDirectory(db, {
      registrationId: target.id,
      eventId: event.id,
      searchKey: searchKeyOf(target, settings),
      now,
    });
    await eventHub(c.env, event.id).unavailable(target.id);
    return c.json({ registrationId: target.id, listed: false, removed: true });
  })
  .get("/contacts", async (c) => {
    const { registration, event } = c.get("me");
    const db = database(c.env.DB);
    const settings = await settingsOf(db, event.id);
    const rows = await contactsOf(db, registration.id);
    return c.json({
      items: rows.map(({ r, at }) => ({
        registrationId: r.id,
        name: r.name,
        email: r.email,
        organisation: organisationOf(r.attributes, settings.organisationAttribute),
        savedAt: new Date(at).toISOString(),
      })),
    } satisfies ContactsResponse);
  });

async function preferencesOf(c: Context<AppEnv>): Promise<PreferencesResponse> {
  const { registration, event } = c.get("me");
  const db = database(c.env.DB);
  const [row, settings] = await Promise.all([findPreferences(db, registration.id), settingsOf(db, event.id)]);
  const prefs = row ? { listed: row.listed, invitations: row.invitations } : DEFAULT_PREFERENCES;
  return { ...prefs, removed: row?.removedAt != null, card: entryOf(registration, prefs.invitations, settings) };
}
