import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { requireOrganizer } from "../../middleware/organizer";
import { adminAudit } from "./audit";
import { auth } from "./auth";
import { bootstrap } from "./bootstrap";
import { workspaces } from "./workspaces";
import { demo } from "./demo";
import { adminEvents } from "./events";
import { adminBrandingRoutes } from "./branding";
import { interactions } from "./interactions";
import { adminImports } from "./imports";
import { adminInvitations } from "./invitations";
import { adminLive } from "./live";
import { media } from "./media";
import { adminNetworking } from "./networking";
import { adminOutbox } from "./outbox";
import { passkeys } from "./passkeys";
import { adminProgramme } from "./programme";
import { adminRegistrations } from "./registrations";
import { adminRegistrationsCsv } from "./registrations-csv";
import { adminReports } from "./reports";

/**
 * The organizer API. One gate checks every route against the permission table (permissions.ts):
 * who is calling (session cookie or API token; the ADMIN_TOKEN only for bootstrap) and what they
 * may do on the workspace or event the path names.
 */
export const admin = new Hono<AppEnv>()
  .use(requireOrganizer)
  .route("/bootstrap", bootstrap)
  .route("/auth", auth)
  .route("/auth", passkeys)
  .route("/workspaces", workspaces)
  .route("/demo", demo)
  .route("/media", media)
  .route("/sessions", interactions)
  .route("/events", adminEvents)
  .route("/events", adminProgramme)
  // Before the per-registration routes, so ".../registrations/export" is not taken for an id.
  .route("/events", adminRegistrationsCsv)
  .route("/events", adminRegistrations)
  .route("/events", adminInvitations)
  .route("/events", adminImports)
  .route("/events", adminNetworking)
  .route("/events", adminBrandingRoutes)
  .route("/events", adminLive)
  .route("/events", adminReports)
  .route("/outbox", adminOutbox)
  .route("/audit", adminAudit);
