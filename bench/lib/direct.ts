import { execSync } from "node:child_process";

/**
 * The workers runtime that `wrangler dev` started, addressed directly rather than through
 * wrangler's local dev proxy. The proxy holds four file descriptors per websocket, so with this
 * machine's 20,000-descriptor limit it cannot carry 5,000 sockets (production has no such hop).
 * Found by asking each listening port of the other workerd process for /healthz. Linux only
 * (`ss`); undefined when it cannot be found, and the caller falls back to the proxy. Other
 * `wrangler dev`s may be running on the machine (tests, other checkouts): with `cookie`, only a
 * runtime that knows this signed-in person (`GET /api/me` answers 200) is ours.
 */
export async function runtimeOrigin(proxyOrigin: string, cookie?: string): Promise<string | undefined> {
  let listing: string;
  try {
    listing = execSync("ss -ltnpH", { encoding: "utf8" });
  } catch {
    return undefined;
  }
  const proxyPort = new URL(proxyOrigin).port;
  const ports = new Map<string, string[]>();
  for (const m of listing.matchAll(/127\.0\.0\.1:(\d+)\s.*"workerd",pid=(\d+)/g))
    ports.set(m[2]!, [...(ports.get(m[2]!) ?? []), m[1]!]);
  const proxyPid = [...ports].find(([, list]) => list.includes(proxyPort))?.[0];
  for (const [pid, list] of ports) {
    if (pid === proxyPid) continue;
    for (const port of list) {
      const origin = `http://127.0.0.1:${port}`;
      try {
        const res = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(1000) });
        if (!res.ok) continue;
        if (!cookie) return origin;
        const me = await fetch(`${origin}/api/me`, { headers: { Cookie: cookie }, signal: AbortSignal.timeout(2000) });
        if (me.ok) return origin;
      } catch {
        // not the HTTP entry
      }
    }
  }
  return undefined;
}
