import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { requireAdmin } from "../../middleware/admin-auth";
import { crowd } from "./crowd";
import { demo } from "./demo";
import { interactions } from "./interactions";

/** The organizer API: every route below requires the admin bearer token. */
export const admin = new Hono<AppEnv>().use(requireAdmin).route("/demo/crowd", crowd).route("/demo", demo).route("/sessions", interactions);
