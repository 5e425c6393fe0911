import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { requireAdmin } from "../../middleware/admin-auth";
import { demo } from "./demo";
import { media } from "./media";

/** The organizer API: every route below requires the admin bearer token. */
export const admin = new Hono<AppEnv>().use(requireAdmin).route("/demo", demo).route("/media", media);
