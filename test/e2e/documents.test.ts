import { describe, expect, it } from "vitest";
import { e2eEnabled, origin } from "./support/browser";

const get = (path: string) => fetch(`${origin()}${path}`, { headers: { Accept: "text/html" }, redirect: "manual" });

/**
 * Against the real asset store and worker (wrangler dev): every HTML document carries the
 * worker's security headers, and a path the worker does not route is its 404 page with them, not
 * the single-page shell served without them (framable, and its router ignores case).
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

  it("answers 404 with the not-found page and the same headers for any other path, in any case", async () => {
    for (const path of ["/PORTAL/session/ses_x", "/Portal", "/ADMIN", "/nowhere/deep/path"]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("Content-Security-Policy") ?? "", path).toContain("frame-ancestors 'none'");
      // The page is told it is a 404, so the router (which ignores case) cannot render the portal.
      expect(await res.text(), path).toContain('<meta name="foyer:page-status" content="not-found">');
    }
    // An unknown API path stays a JSON error.
    const api = await fetch(`${origin()}/api/nowhere`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe("not_found");
    // Hashed files and the favicon are still served straight from the asset store.
    expect((await get("/favicon.svg")).status).toBe(200);
  });
});
