import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";
import { ORIGIN, ownerSession } from "./helpers";

type ErrorBody = { error: { code: string; message: string } };

/** The app under the test settings, with DEMO as given (a new env object is a fresh configuration). */
async function post(path: string, demo: string | undefined, body?: unknown): Promise<Response> {
  const settings = { ...env, DEMO: demo };
  const { cookie } = await ownerSession();
  return createApp().fetch(
    new Request(new URL(path, ORIGIN), {
      method: "POST",
      headers: { Cookie: cookie, Origin: ORIGIN, ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : null,
    }),
    settings,
  );
}

describe("the DEMO setting", () => {
  it.each([
    ["unset", undefined],
    ["false", "false"],
  ])("with DEMO %s, the demo seeding routes answer 404 like unknown routes and create nothing", async (_, demo) => {
    for (const [path, body] of [
      ["/api/admin/demo", undefined],
      ["/api/admin/demo/crowd", { count: 3 }],
    ] as const) {
      const res = await post(path, demo, body);
      expect(res.status).toBe(404);
      expect(((await res.json()) as ErrorBody).error).toEqual({
        code: "not_found",
        message: `No route for POST ${path}`,
      });
    }
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM events WHERE slug = 'demo'").first("n")).toBe(0);
  });

  it("with DEMO=true, they seed", async () => {
    const res = await post("/api/admin/demo", "true");
    expect(res.status).toBe(201);
    const crowd = await post("/api/admin/demo/crowd", "true", { count: 2 });
    expect(crowd.status).toBe(200);
    expect(((await crowd.json()) as { people: unknown[] }).people).toHaveLength(2);
  });

  it("still asks for the admin token first", async () => {
    const res = await createApp().fetch(new Request(new URL("/api/admin/demo", ORIGIN), { method: "POST" }), {
      ...env,
      DEMO: undefined,
    });
    expect(res.status).toBe(401);
  });
});
