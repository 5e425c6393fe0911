import { toJsonSchema } from "@valibot/to-json-schema";
import type * as v from "valibot";
import { EventCreate, EventDuplicate, EventUpdate, SessionCreate, SessionUpdate } from "../schemas/events";
import {
  AdminRegistrationCreate,
  AdminRegistrationUpdate,
  BatchBody,
  ImportQuery,
  InvitationListQuery,
  LinkRequestBody,
  OutboxQuery,
  PublicRegistrationBody,
  RegistrationListQuery,
  RotateLinkBody,
  ScheduleInvitationsBody,
} from "../schemas/registrations";
import { CrowdBody } from "../schemas/demo";
import { AuditQuery } from "../schemas/organizers";
import { PreparedBody } from "../schemas/interactions";
import { CallJoinBody, ChannelLinkBody } from "../schemas/media";
import { TechCheckBody } from "../schemas/tech-check";
import { LanguageQuery } from "../schemas/common";
import { componentSchemas, page, ref, registrationPage } from "./components";
import { liveOperations } from "./live";
import { importOperations } from "./imports";
import { networkingOperations } from "./networking";
import { brandingOperations } from "./branding";
import { reportsOperations } from "./reports";
import { organizerOperations } from "./organizers";
import { programmeOperations } from "./programme";
import { mediaInteractionOperations } from "./media-interactions";
import { getOrAdd } from "../../core/collections";

/**
 * The OpenAPI 3.1 description of the HTTP API. Operations are listed here by hand; request bodies
 * and query parameters are generated from the very valibot schemas the routes validate with. A
 * test checks that every route the app serves is listed and the other way round.
 */
type Schema = Record<string, unknown>;
/** admin: an organizer session cookie or API token; bootstrap: the ADMIN_TOKEN setting. */
type Auth = "admin" | "bootstrap" | "session" | "none";

export interface OperationSpec {
  method: "get" | "post" | "patch" | "put" | "delete";
  path: string;
  summary: string;
  tag: string;
  auth: Auth;
  body?: { schema: v.GenericSchema; required?: boolean } | { raw: string; description: string };
  query?: v.ObjectSchema<v.ObjectEntries, v.ErrorMessage<v.ObjectIssue> | undefined>;
  ok: { status: number; description: string; schema?: Schema; contentType?: string };
  errors?: number[];
}

const json = (s: v.GenericSchema): Schema =>
  toJsonSchema(s, { target: "draft-2020-12", typeMode: "input", errorMode: "ignore" }) as Schema;
const E = "/api/admin/events/{eventId}";
const withList = (base: string, key: string, item: string): Schema => ({
  allOf: [ref(base), { type: "object", properties: { [key]: { type: "array", items: ref(item) } }, required: [key] }],
});
const R = `${E}/registrations/{registrationId}`;

export const operations: OperationSpec[] = [
  {
    method: "get",
    path: "/healthz",
    summary: "Liveness check",
    tag: "system",
    auth: "none",
    ok: { status: 200, description: "Up" },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    summary: "This document",
    tag: "system",
    auth: "none",
    ok: { status: 200, description: "OpenAPI 3.1" },
  },

  // Public registration and personal links
  {
    method: "get",
    path: "/api/events/{slug}",
    summary: "An event and its registration form, in one language",
    tag: "registration",
    auth: "none",
    query: LanguageQuery,
    ok: { status: 200, description: "The event", schema: ref("PublicEvent") },
    errors: [404],
  },
  {
    method: "post",
    path: "/api/events/{slug}/registrations",
    summary:
      "Register (again): same e-mail, same registration, a fresh link e-mailed; 409 registration_closed or event_full",
    tag: "registration",
    auth: "none",
    body: { schema: PublicRegistrationBody },
    ok: { status: 201, description: "Registered; the personal link is on its way", schema: ref("RegistrationResult") },
    errors: [403, 404, 409, 415, 422, 429],
  },
  {
    method: "get",
    path: "/j/{token}",
    summary: "Open a personal link: sets the session cookie, redirects to /portal",
    tag: "links",
    auth: "none",
    ok: { status: 303, description: "Signed in" },
    errors: [403, 410],
  },
  {
    method: "post",
    path: "/api/links/refresh",
    summary: "E-mail a fresh link to the owner of an expired one",
    tag: "links",
    auth: "none",
    body: { schema: LinkRequestBody },
    ok: {
      status: 202,
      description: "A fresh link is on its way to the registration's address",
      schema: { type: "object", properties: { emailedTo: { type: "string" } } },
    },
    errors: [403, 409, 410, 422, 429],
  },
  {
    method: "get",
    path: "/api/calendar/{token}",
    summary: "Personal calendar (.ics) from the invitation e-mail",
    tag: "links",
    auth: "none",
    ok: { status: 200, description: "iCalendar", contentType: "text/calendar" },
    errors: [403, 410],
  },
  {
    method: "get",
    path: "/api/me",
    summary: "Who am I",
    tag: "me",
    auth: "session",
    query: LanguageQuery,
    ok: { status: 200, description: "The signed-in person", schema: ref("Me") },
    errors: [401],
  },
  {
    method: "get",
    path: "/api/me/programme",
    summary: "My programme, with what is live and what is next, in my language",
    tag: "me",
    auth: "session",
    query: LanguageQuery,
    ok: { status: 200, description: "Programme", schema: ref("Programme") },
    errors: [401],
  },
  {
    method: "put",
    path: "/api/me/selections/{sessionId}",
    summary:
      "Select one of my selectable sessions (follow asks when parallel ones start; the programme lets me change it): parallel alternatives are dropped from my selections",
    tag: "me",
    auth: "session",
    ok: {
      status: 200,
      description: "My selections now",
      schema: {
        type: "object",
        properties: { selections: { type: "array", items: { type: "string" } } },
        required: ["selections"],
      },
    },
    errors: [401, 404, 409],
  },
  {
    method: "get",
    path: "/api/me/calendar.ics",
    summary: "My programme as a calendar file",
    tag: "me",
    auth: "session",
    ok: { status: 200, description: "iCalendar", contentType: "text/calendar" },
    errors: [401],
  },
  {
    method: "get",
    path: "/api/sessions/{sessionId}/ws",
    summary: "Session websocket (upgrade)",
    tag: "me",
    auth: "session",
    ok: { status: 101, description: "Switching protocols" },
    errors: [401, 403, 404, 426],
  },
  {
    method: "post",
    path: "/api/me/tech-check",
    summary: "Remember my tech check result (shown to moderators)",
    tag: "me",
    auth: "session",
    body: { schema: TechCheckBody },
    ok: {
      status: 200,
      description: "Saved",
      schema: { type: "object", properties: { overall: { type: "string" }, checkedAt: { type: "string" } } },
    },
    errors: [401, 422],
  },
  {
    method: "get",
    path: "/api/tech-check/ping",
    summary: "Tech check: round-trip probe",
    tag: "me",
    auth: "session",
    ok: { status: 204, description: "Nothing, quickly" },
    errors: [401],
  },
  {
    method: "get",
    path: "/api/tech-check/download",
    summary: "Tech check: random bytes for a bandwidth estimate (?bytes=1…1048576)",
    tag: "me",
    auth: "session",
    ok: { status: 200, description: "Random bytes", contentType: "application/octet-stream" },
    errors: [401, 422],
  },

  // Media
  {
    method: "get",
    path: "/api/sessions/{sessionId}/stage",
    summary: "What the stage player needs (playback URL; never a stream key)",
    tag: "media",
    auth: "session",
    ok: { status: 200, description: "Playback" },
    errors: [401, 403, 404, 502, 503],
  },
  {
    method: "get",
    path: "/api/sessions/{sessionId}/stage/ingest",
    summary: "Producers only: the stage's ingest server and stream key",
    tag: "media",
    auth: "session",
    ok: { status: 200, description: "Ingest" },
    errors: [401, 403, 404, 502, 503],
  },
  {
    method: "get",
    path: "/api/sessions/{sessionId}/stage-door",
    summary: "Raise hand and matrix: the stage's stream room (if any) and my matrix consent",
    tag: "stage door",
    auth: "session",
    ok: { status: 200, description: "Stage door" },
    errors: [401, 403, 404],
  },
  {
    method: "post",
    path: "/api/sessions/{sessionId}/call/join",
    summary: "A place in the session's call: what the browser SDK (or the local mesh) needs",
    tag: "media",
    auth: "session",
    body: { schema: CallJoinBody, required: false },
    ok: { status: 200, description: "Join details" },
    errors: [401, 403, 404, 409, 422, 502, 503],
  },
  {
    method: "get",
    path: "/api/media/sample/master.m3u8",
    summary: "The bundled stage sample as a live HLS stream (local media)",
    tag: "media",
    auth: "none",
    ok: { status: 200, description: "HLS master playlist", contentType: "application/vnd.apple.mpegurl" },
  },
  {
    method: "get",
    path: "/api/media/sample/{playlist}",
    summary: "A rendition of the bundled sample, sliding with the clock",
    tag: "media",
    auth: "none",
    ok: { status: 200, description: "HLS media playlist", contentType: "application/vnd.apple.mpegurl" },
    errors: [404],
  },

  // Organizer API
  {
    method: "post",
    path: "/api/admin/demo",
    summary: "Create (or revive) the demo event (only with DEMO=true; 404 otherwise)",
    tag: "admin",
    auth: "admin",
    ok: { status: 201, description: "Created; 200 when it existed" },
    errors: [404],
  },
  {
    method: "get",
    path: "/api/admin/events",
    summary: "List events",
    tag: "events",
    auth: "admin",
    ok: {
      status: 200,
      description: "Events",
      schema: { type: "object", properties: { items: { type: "array", items: ref("Event") } } },
    },
  },
  {
    method: "post",
    path: "/api/admin/events",
    summary: "Create an event",
    tag: "events",
    auth: "admin",
    body: { schema: EventCreate },
    ok: { status: 201, description: "Created", schema: withList("Event", "sessions", "Session") },
    errors: [409, 422],
  },
  {
    method: "get",
    path: E,
    summary: "An event with its sessions (by id or slug)",
    tag: "events",
    auth: "admin",
    ok: { status: 200, description: "The event", schema: withList("Event", "sessions", "Session") },
    errors: [404],
  },
  {
    method: "patch",
    path: E,
    summary: "Change an event",
    tag: "events",
    auth: "admin",
    body: { schema: EventUpdate },
    ok: { status: 200, description: "Changed", schema: withList("Event", "sessions", "Session") },
    errors: [404, 409, 422],
  },
  {
    method: "post",
    path: `${E}/duplicate`,
    summary:
      "Copy an event: settings, form, programme (times moved to the new start), prepared interactions and networking settings; never its people",
    tag: "events",
    auth: "admin",
    body: { schema: EventDuplicate },
    ok: { status: 201, description: "The copy", schema: withList("Event", "sessions", "Session") },
    errors: [403, 404, 409, 422],
  },
  {
    method: "get",
    path: `${E}/sessions`,
    summary: "List programme sessions",
    tag: "events",
    auth: "admin",
    ok: {
      status: 200,
      description: "Sessions",
      schema: { type: "object", properties: { items: { type: "array", items: ref("Session") } } },
    },
    errors: [404],
  },
  {
    method: "post",
    path: `${E}/sessions`,
    summary: "Add a programme session",
    tag: "events",
    auth: "admin",
    body: { schema: SessionCreate },
    ok: { status: 201, description: "Created", schema: ref("Session") },
    errors: [404, 422],
  },
  {
    method: "get",
    path: `${E}/sessions/{sessionId}`,
    summary: "A programme session",
    tag: "events",
    auth: "admin",
    ok: { status: 200, description: "The session", schema: ref("Session") },
    errors: [404],
  },
  {
    method: "patch",
    path: `${E}/sessions/{sessionId}`,
    summary: "Change a programme session",
    tag: "events",
    auth: "admin",
    body: { schema: SessionUpdate },
    ok: { status: 200, description: "Changed", schema: ref("Session") },
    errors: [404, 422],
  },
  {
    method: "get",
    path: `${E}/registrations`,
    summary: "List registrations (search, filter, paging)",
    tag: "registrations",
    auth: "admin",
    query: RegistrationListQuery,
    ok: { status: 200, description: "A page", schema: registrationPage() },
    errors: [404, 422],
  },
  {
    method: "post",
    path: `${E}/registrations`,
    summary: "Add one registration",
    tag: "registrations",
    auth: "admin",
    body: { schema: AdminRegistrationCreate },
    ok: { status: 201, description: "Created", schema: ref("Registration") },
    errors: [404, 409, 422],
  },
  {
    method: "post",
    path: `${E}/registrations/batch`,
    summary: "Add or update many (all or none unless partial)",
    tag: "registrations",
    auth: "admin",
    body: { schema: BatchBody },
    ok: { status: 200, description: "Applied; 422 with the same report when not", schema: ref("ImportReport") },
    errors: [404, 422],
  },
  {
    method: "post",
    path: `${E}/registrations/import`,
    summary: "Import a CSV file (header row maps to fields and attributes)",
    tag: "registrations",
    auth: "admin",
    query: ImportQuery,
    body: {
      raw: "text/csv",
      description:
        "UTF-8 CSV with a header row: email and name, optionally language, role, selections, and any field key or label or attribute name",
    },
    ok: {
      status: 200,
      description: "Applied (or a dry run); 422 with the same report when not",
      schema: ref("ImportReport"),
    },
    errors: [404, 413, 415, 422],
  },
  {
    method: "get",
    path: `${E}/registrations/export`,
    summary: "Export registrations as CSV (formula-like cells neutralised)",
    tag: "registrations",
    auth: "admin",
    ok: { status: 200, description: "CSV", contentType: "text/csv" },
    errors: [404],
  },
  {
    method: "get",
    path: R,
    summary: "A registration with all its e-mails",
    tag: "registrations",
    auth: "admin",
    ok: { status: 200, description: "The registration", schema: withList("Registration", "invitations", "Invitation") },
    errors: [404],
  },
  {
    method: "patch",
    path: R,
    summary: "Change a registration (role, name, attributes…)",
    tag: "registrations",
    auth: "admin",
    body: { schema: AdminRegistrationUpdate },
    ok: { status: 200, description: "Changed", schema: ref("Registration") },
    errors: [404, 409, 422],
  },
  {
    method: "post",
    path: `${R}/link/rotate`,
    summary: "Replace the personal link (old links and sessions stop working)",
    tag: "registrations",
    auth: "admin",
    body: { schema: RotateLinkBody, required: false },
    ok: {
      status: 200,
      description: "The new link",
      schema: { type: "object", properties: { registration: ref("Registration"), link: { type: "string" } } },
    },
    errors: [404, 422],
  },
  {
    method: "post",
    path: `${R}/link/revoke`,
    summary: "Withdraw the personal link",
    tag: "registrations",
    auth: "admin",
    ok: {
      status: 200,
      description: "Revoked",
      schema: { type: "object", properties: { registration: ref("Registration") } },
    },
    errors: [404],
  },
  {
    method: "post",
    path: `${E}/invitations`,
    summary: "Send or schedule invitations for all or a filtered set",
    tag: "invitations",
    auth: "admin",
    body: { schema: ScheduleInvitationsBody, required: false },
    ok: { status: 202, description: "Queued", schema: ref("ScheduleResult") },
    errors: [404, 422],
  },
  {
    method: "get",
    path: `${E}/invitations`,
    summary: "Each invitation's state (queued, sending, sent, failed with reason)",
    tag: "invitations",
    auth: "admin",
    query: InvitationListQuery,
    ok: { status: 200, description: "A page", schema: page("Invitation") },
    errors: [404, 422],
  },
  {
    method: "get",
    path: "/api/admin/outbox",
    summary: "The local e-mail outbox (EMAIL_PROVIDER=outbox)",
    tag: "invitations",
    auth: "admin",
    query: OutboxQuery,
    ok: { status: 200, description: "A page", schema: page("OutboxMessage") },
    errors: [409, 422],
  },
  {
    method: "put",
    path: "/api/admin/media/stages/{sessionId}/channel",
    summary: "Create the stage's IVS channel, or link an existing one",
    tag: "media",
    auth: "admin",
    body: { schema: ChannelLinkBody, required: false },
    ok: { status: 200, description: "The channel (with ingest server)" },
    errors: [404, 422, 502, 503],
  },
  {
    method: "delete",
    path: "/api/admin/media/stages/{sessionId}/channel",
    summary: "Release the stage's channel (deleted if Foyer created it)",
    tag: "media",
    auth: "admin",
    ok: { status: 200, description: "Released" },
    errors: [409, 502, 503],
  },
  {
    method: "delete",
    path: "/api/admin/media/calls/{sessionId}/{call}",
    summary: "End a call's meeting now",
    tag: "media",
    auth: "admin",
    ok: { status: 200, description: "Ended" },
    errors: [422, 502, 503],
  },
  {
    method: "post",
    path: "/api/admin/demo/crowd",
    summary:
      "Demo participants in bulk, with their links (load tests, lively demos; only with DEMO=true, 404 otherwise)",
    tag: "admin",
    auth: "admin",
    body: { schema: CrowdBody },
    ok: { status: 200, description: "The crowd" },
    errors: [404, 422],
  },
  {
    method: "get",
    path: "/api/admin/sessions/{sessionId}/prepared",
    summary: "Polls, quizzes and word clouds prepared for a session",
    tag: "interactions",
    auth: "admin",
    ok: { status: 200, description: "Prepared items" },
    errors: [404],
  },
  {
    method: "post",
    path: "/api/admin/sessions/{sessionId}/prepared",
    summary: "Prepare a poll, quiz or word cloud ahead (moderators open it live)",
    tag: "interactions",
    auth: "admin",
    body: { schema: PreparedBody },
    ok: { status: 201, description: "Prepared" },
    errors: [404, 415, 422],
  },
  {
    method: "delete",
    path: "/api/admin/sessions/{sessionId}/prepared/{id}",
    summary: "Remove a prepared item",
    tag: "interactions",
    auth: "admin",
    ok: { status: 200, description: "Removed" },
    errors: [404],
  },
  {
    method: "get",
    path: "/api/admin/sessions/{sessionId}/results",
    summary: "Final results: poll tallies, quiz scores, questions, word clouds",
    tag: "interactions",
    auth: "admin",
    ok: { status: 200, description: "Results" },
    errors: [404],
  },
  {
    method: "get",
    path: "/api/admin/sessions/{sessionId}/attendance",
    summary: "Who joined and left the session, when, on which device class",
    tag: "interactions",
    auth: "admin",
    ok: { status: 200, description: "Attendance" },
    errors: [404],
  },
  {
    method: "get",
    path: "/api/admin/audit",
    summary: "The audit log: who changed what, when",
    tag: "admin",
    auth: "admin",
    query: AuditQuery,
    ok: {
      status: 200,
      description: "Newest first",
      schema: {
        type: "object",
        properties: { items: { type: "array", items: ref("AuditEntry") }, nextCursor: { type: ["string", "null"] } },
      },
    },
  },
  ...networkingOperations,
  ...brandingOperations,
  ...liveOperations,
  ...reportsOperations,
  ...organizerOperations,
  ...programmeOperations,
  ...mediaInteractionOperations,
  ...importOperations,
];

const STATUS_TEXT: Record<number, string> = {
  400: "Bad request",
  401: "No credentials",
  403: "Not allowed",
  404: "Not found",
  409: "Conflict with the current state",
  410: "Gone",
  413: "Too large",
  415: "Wrong content type",
  422: "Invalid: `fields` names each bad field",
  426: "Upgrade required",
  429: "Rate limited",
};

function operation(op: OperationSpec): Schema {
  const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  for (const [name, entry] of Object.entries(op.query?.entries ?? {})) {
    params.push({ name, in: "query", required: entry.type !== "optional", schema: json(entry) as { type: string } });
  }
  const errors = [
    ...new Set([
      ...(op.auth === "admin" ? [401, 403, 404] : op.auth === "session" || op.auth === "bootstrap" ? [401] : []),
      ...(op.errors ?? []),
    ]),
  ].sort();
  const body = op.body
    ? "raw" in op.body
      ? { required: true, description: op.body.description, content: { [op.body.raw]: { schema: { type: "string" } } } }
      : { required: op.body.required ?? true, content: { "application/json": { schema: json(op.body.schema) } } }
    : undefined;
  return {
    summary: op.summary,
    tags: [op.tag],
    ...(op.auth === "admin"
      ? { security: [{ organizerSession: [] }, { apiToken: [] }] }
      : op.auth === "bootstrap"
        ? { security: [{ adminToken: [] }] }
        : op.auth === "session"
          ? { security: [{ sessionCookie: [] }] }
          : { security: [] }),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: {
      [op.ok.status]: {
        description: op.ok.description,
        ...(op.ok.schema || op.ok.contentType
          ? { content: { [op.ok.contentType ?? "application/json"]: { schema: op.ok.schema ?? { type: "string" } } } }
          : {}),
      },
      ...Object.fromEntries(
        errors.map((s) => [
          s,
          { description: STATUS_TEXT[s] ?? "Error", content: { "application/json": { schema: ref("Error") } } },
        ]),
      ),
    },
  };
}

let cached: Schema | undefined;

export function openApiDocument(): Schema {
  if (cached) return cached;
  const paths = new Map<string, Record<string, Schema>>();
  for (const op of operations) getOrAdd(paths, op.path, (): Record<string, Schema> => ({}))[op.method] = operation(op);
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Foyer API",
      version: "1.0.0",
      description:
        "Registration, personal links, invitations and the organizer API. Errors are always `{ error: { code, message, fields? } }`; a 422 names each bad field in `fields`.",
    },
    servers: [{ url: "/" }],
    tags: [
      "registration",
      "links",
      "me",
      "events",
      "registrations",
      "invitations",
      "networking",
      "reports",
      "admin",
      "organizers",
      "system",
    ].map((name) => ({ name })),
    paths: Object.fromEntries(paths),
    components: {
      securitySchemes: {
        organizerSession: {
          type: "apiKey",
          in: "cookie",
          name: "foyer_admin",
          description:
            "Set by POST /api/admin/auth/signin with a one-time sign-in link; state-changing requests need a same-origin Origin header",
        },
        apiToken: { type: "http", scheme: "bearer", description: "An API token `fyr_…` of one workspace, with scopes" },
        adminToken: {
          type: "http",
          scheme: "bearer",
          description: "The ADMIN_TOKEN setting: only for POST /api/admin/bootstrap",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "foyer_session",
          description: "Set by opening a personal link",
        },
      },
      schemas: componentSchemas,
    },
  };
  return cached;
}
