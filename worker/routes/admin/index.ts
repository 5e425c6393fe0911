import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { requireAdmin } from "../../middleware/admin-auth";
import { adminAudit } from "./audit";
import { demo } from "./demo";
import { adminEvents } from "./events";
import { interactions } from "./interactions";
import { adminInvitations } from "./invitations";
import { media } from "./media";
import { adminNetworking } from "./networking";
import { adminOutbox } from "./outbox";
import { adminRegistrations } from "./registrations";
import { adminRegistrationsCsv } from "./registrations-csv";

/** The organizer API: every route below requires the admin bearer token. */
export const admin = new Hono<AppEnv>()
  .use(requireAdmin)
  .route("/demo", demo)
  .route("/media", media)
  .route("/sessions", interactions)
  .route("/events", adminEvents)
  // Before the per-registration routes, so ".../registrations/export" is not taken for an id.
  .route("/events", adminRegistrationsCsv)
  .route("/events", adminRegistrations)
  .route("/events", adminInvitations)
  .route("/events", adminNetworking)
  .route("/outbox", adminOutbox)
  .route("/audit", adminAudit);
