import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { Pages, servePage } from "../lib/pages";

/** Document routes: the client renders them; the worker adds the security headers. */
export const pages = new Hono<AppEnv>()
  .get("/", (c) => servePage(c, Pages.participant))
  .get("/e/*", (c) => servePage(c, Pages.participant))
  .get("/portal", (c) => servePage(c, Pages.participant))
  .get("/portal/*", (c) => servePage(c, Pages.participant))
  // The organizer pages are a separate bundle, so participants never download them.
  .get("/admin", (c) => servePage(c, Pages.admin))
  .get("/admin/*", (c) => servePage(c, Pages.admin));
