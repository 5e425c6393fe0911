import { describe, expect, it } from "vitest";
import { e2eEnabled, origin } from "./support/browser";

const get = (path: string) => fetch(`${origin()}${path}`, { headers: { Accept: "text/html" }, redirect: "manual" });

/**
 * Against the real asset store and worker (wrangler dev): every HTML document carries the
 * worker's security headers, and a path the worker does not route is a 404, not the single-page
 * app's shell served without them (which could be framed, and whose router ignores case).
 */
describe.skipIf(!e2eEnabled())("documents and the asset store", () => {
  it("serves every document with CSP and frame-ancestors", async () => {
    for (const path of [
      "/",
      "/portal",
      "/portal/session/ses_x",
      "/portal/people",
      "/admin",
      "/admin/events",
      "/e/demo",
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("Content-Type"), path).toMatch(/^text\/html/);
      expect(res.headers.get("Content-Security-Policy") ?? "", path).toContain("frame-ancestors 'none'");
      expect(res.headers.get("X-Frame-Options") ?? "DENY", path).toBe("DENY");
    }
  });

  it("answers 404 without the app's shell for paths outside the worker's, in any case", async () => {
    for (const path of ["/PORTAL/session/ses_x", "/Portal", "/ADMIN", "/nowhere/deep/path"]) {
      const res = await get(path);
      const body = await res.text();
      expect(res.status, path).toBe(404);
      expect(body, path).not.toContain('<div id="root"');
    }
    // Hashed files and the favicon are still served straight from the asset store.
    expect((await get("/favicon.svg")).status).toBe(200);
  });
});
