import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { openApiDocument } from "../openapi/document";

/** `GET /api/openapi.json` — the API description (public: it holds no secrets). */
export const openapi = new Hono<AppEnv>().get("/openapi.json", (c) => c.json(openApiDocument()));
