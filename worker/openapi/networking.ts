import { HubCallJoinBody } from "../schemas/media";
import { DirectoryQuery, NetworkingSettingsBody, PreferencesPatch } from "../schemas/networking";
import type { OperationSpec } from "./document";

const settings = {
  type: "object",
  properties: {
    organisationAttribute: { type: "string" },
    directoryAttributes: { type: "array", items: { type: "string" } },
  },
};

/** Networking: the directory and preferences, contacts, the event hub, and the organizer's directory settings. */
export const networkingOperations: OperationSpec[] = [
  {
    method: "get",
    path: "/api/me/directory",
    summary: "People of my event who chose to be listed (search by name or organisation, paged by name)",
    tag: "networking",
    auth: "session",
    query: DirectoryQuery,
    ok: { status: 200, description: "A page of directory cards" },
    errors: [422],
  },
  {
    method: "get",
    path: "/api/me/preferences",
    summary: "My networking choices: listed in the directory, 1:1 invitations on or off",
    tag: "networking",
    auth: "session",
    ok: { status: 200, description: "Preferences and how I appear" },
  },
  {
    method: "patch",
    path: "/api/me/preferences",
    summary:
      "Change my networking choices (turning either off calls off invitations waiting for me; 403 when a moderator removed me)",
    tag: "networking",
    auth: "session",
    body: { schema: PreferencesPatch },
    ok: { status: 200, description: "Changed" },
    errors: [403, 415, 422],
  },
  {
    method: "delete",
    path: "/api/me/directory/{registrationId}",
    summary: "Moderators: take someone out of the directory at once (they cannot list themselves again)",
    tag: "networking",
    auth: "session",
    ok: { status: 200, description: "Removed" },
    errors: [403, 404],
  },
  {
    method: "get",
    path: "/api/me/contacts",
    summary: "People who saved each other with me after a carousel round, with their e-mail",
    tag: "networking",
    auth: "session",
    ok: { status: 200, description: "Contacts" },
  },
  {
    method: "get",
    path: "/api/sessions/hub/ws",
    summary: "The event hub websocket (upgrade): 1:1 invitations wherever I am in the portal",
    tag: "networking",
    auth: "session",
    ok: { status: 101, description: "Switching protocols" },
    errors: [403, 426],
  },
  {
    method: "post",
    path: "/api/sessions/hub/call/join",
    summary: "A place in my 1:1 call (only its two people get one)",
    tag: "networking",
    auth: "session",
    body: { schema: HubCallJoinBody },
    ok: { status: 200, description: "Join details" },
    errors: [403, 409, 415, 422, 502, 503],
  },
  {
    method: "get",
    path: "/api/admin/events/{eventId}/networking",
    summary: "What the event's directory shows (organisation attribute, card attributes)",
    tag: "networking",
    auth: "admin",
    ok: { status: 200, description: "Settings", schema: settings },
    errors: [404],
  },
  {
    method: "put",
    path: "/api/admin/events/{eventId}/networking",
    summary: "Choose what the event's directory shows",
    tag: "networking",
    auth: "admin",
    body: { schema: NetworkingSettingsBody },
    ok: { status: 200, description: "Saved", schema: settings },
    errors: [404, 415, 422],
  },
];
