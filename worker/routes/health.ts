import { Hono } from "hono";
import type { AppEnv } from "../app-env";

export const health = new Hono<AppEnv>().get("/healthz", (c) => c.json({ ok: true }));
