import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { getConfig } from "../../server/config";

/** Validates settings on the first request (cached afterwards); a ConfigError names the setting. */
export const loadConfig = createMiddleware<AppEnv>(async (c, next) => {
  c.set("config", getConfig(c.env));
  await next();
});
