import type { Context } from "hono";
import type { AppEnv } from "../app-env";

/** The client's HTML entry points, as built by Vite into the asset directory. */
export const Pages = { participant: "/", admin: "/admin", output: "/output" } as const;
export type Page = (typeof Pages)[keyof typeof Pages];

/**
 * Serves a client page from the asset store. `meta` becomes `<meta name="foyer:<key>">` tags the
 * page reads on start (no inline script: the CSP forbids it).
 */
export async function servePage(
  c: Context<AppEnv>,
  page: Page,
  init: { status?: number; meta?: Record<string, string> } = {},
): Promise<Response> {
  const asset = await c.env.ASSETS.fetch(new Request(new URL(page, c.req.url), { headers: { Accept: "text/html" } }));
  if (!asset.ok) return asset;
  let res = new Response(asset.body, { status: init.status ?? 200, headers: asset.headers });
  res.headers.set("Cache-Control", "no-store");
  const meta = init.meta;
  if (meta && Object.keys(meta).length > 0) {
    res = new HTMLRewriter()
      .on("head", {
        element(head) {
          for (const [key, value] of Object.entries(meta)) {
            head.append(`<meta name="foyer:${escapeAttr(key)}" content="${escapeAttr(value)}">`, { html: true });
          }
        },
      })
      .transform(res);
  }
  return res;
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
