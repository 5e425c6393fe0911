import type { Role } from "../core/protocol/identity";
import type { PersonCard } from "../core/protocol/networking";
import type { AttributeValue } from "../core/contract/index";
import type { DirectoryEntry, NetworkingPreferences, NetworkingSettings } from "../core/contract/networking";
import type { Db } from "./db/client";
import { directoryRows, findNetworkingSettings, registrationsWithPreferences } from "./db/networking";
import type { RegistrationRow } from "./db/schema";
import { decodeSortKey, encodeSortKey } from "./cursor";
import { foldForSearch, organisationOf } from "./search-key";

export { foldForSearch, organisationOf, searchKeyOf } from "./search-key";

export const DEFAULT_PREFERENCES: NetworkingPreferences = { listed: false, invitations: true };
export const DEFAULT_SETTINGS: NetworkingSettings = { organisationAttribute: "organisation", directoryAttributes: [] };

export async function settingsOf(db: Db, eventId: string): Promise<NetworkingSettings> {
  const row = await findNetworkingSettings(db, eventId);
  return row
    ? { organisationAttribute: row.organisationAttribute, directoryAttributes: row.directoryAttributes }
    : DEFAULT_SETTINGS;
}

/** A person with their networking choices, as the hub and the carousel need them. */
export interface Profile extends PersonCard, NetworkingPreferences {
  eventId: string;
  role: Role;
  attributes: Record<string, AttributeValue>;
  /** The organizer revoked the person's link: they are out of the event. */
  revoked: boolean;
}

/** Profiles of the given registrations (missing ones are left out), with their event's settings applied. */
export async function loadProfiles(db: Db, ids: readonly string[]): Promise<Map<string, Profile>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await registrationsWithPreferences(db, unique);
  const settings = new Map<string, NetworkingSettings>();
  for (const eventId of new Set(rows.map((row) => row.r.eventId))) settings.set(eventId, await settingsOf(db, eventId));
  return new Map(
    rows.map(({ r, p }) => [
      r.id,
      {
        registrationId: r.id,
        eventId: r.eventId,
        name: r.name,
        organisation: organisationOf(r.attributes, settings.get(r.eventId)!.organisationAttribute),
        role: r.role,
        attributes: r.attributes,
        revoked: r.linkRevokedAt !== null,
        listed: p?.listed ?? DEFAULT_PREFERENCES.listed,
        invitations: p?.invitations ?? DEFAULT_PREFERENCES.invitations,
      },
    ]),
  );
}

export const cardOf = (p: Pick<Profile, "registrationId" | "name" | "organisation">): PersonCard => ({
  registrationId: p.registrationId,
  name: p.name,
  organisation: p.organisation,
});

/** Directory pages are sorted by name; a cursor names the last card of a page. */
const encodeNameCursor = (name: string, id: string) => encodeSortKey([name, id]);

function decodeNameCursor(cursor: string | undefined): { name: string; id: string } | undefined {
  const key = decodeSortKey(cursor, ["string", "string"]);
  return key && { name: key[0] as string, id: key[1] as string };
}

export interface DirectoryQuery {
  eventId: string;
  viewerId: string;
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * The listed people of an event, except the viewer, by name. Only people who opted in appear;
 * only the organizer-chosen attributes leave the server.
 */
export async function directoryPage(db: Db, settings: NetworkingSettings, query: DirectoryQuery) {
  const after = decodeNameCursor(query.cursor);
  const rows = await directoryRows(db, {
    eventId: query.eventId,
    viewerId: query.viewerId,
    search: query.q
      ? { raw: query.q, folded: foldForSearch(query.q), organisationAttribute: settings.organisationAttribute }
      : undefined,
    after,
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    entries: page.map(({ r, p }) => entryOf(r, p.invitations, settings)),
    nextCursor: rows.length > query.limit && last ? encodeNameCursor(last.sortKey, last.r.id) : null,
  };
}

export function entryOf(
  r: RegistrationRow,
  invitable: boolean,
  settings: NetworkingSettings,
  online = false,
): DirectoryEntry {
  const attributes: Record<string, AttributeValue> = {};
  for (const key of settings.directoryAttributes) {
    const value = r.attributes[key];
    if (value !== undefined && value !== "" && !(Array.isArray(value) && value.length === 0)) attributes[key] = value;
  }
  return {
    registrationId: r.id,
    name: r.name,
    organisation: organisationOf(r.attributes, settings.organisationAttribute),
    attributes,
    role: r.role,
    online,
    invitable,
  };
}
