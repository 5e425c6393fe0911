import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { build } from "vite";
import { startLocalServer, type LocalServer } from "../../scripts/lib/local-server.ts";
import { pool } from "./stats.ts";

const root = resolve(import.meta.dirname, "../..");

export interface BenchEnv {
  server: LocalServer;
  sessionId: string;
  moderatorCookie: string;
  /** One signed-in participant per entry (crowd guests). */
  cookies: string[];
}

async function adminPost<T>(server: LocalServer, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.origin}${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${server.apiToken}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : null,
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function signIn(link: string): Promise<string> {
  const res = await fetch(link, { redirect: "manual" });
  const cookie = /^(foyer_session=[^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
  if (res.status !== 303 || !cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie;
}

/** The built app under `wrangler dev`, the demo, and `people` signed-in crowd participants. */
export async function setUp(people: number): Promise<BenchEnv> {
  if (!existsSync(resolve(root, "dist/client/index.html"))) {
    await build({ configFile: resolve(root, "client/vite.config.ts"), logLevel: "warn" });
  }
  const server = await startLocalServer();
  try {
    return await prepare(server, people);
  } catch (err) {
    await server.stop();
    throw err;
  }
}

async function prepare(server: LocalServer, people: number): Promise<BenchEnv> {
  const demo = await adminPost<{ people: { role: string; link: string }[] }>(server, "/api/admin/demo");
  const moderatorCookie = await signIn(demo.people.find((p) => p.role === "moderator")!.link);
  const crowd = await adminPost<{ people: { link: string }[] }>(server, "/api/admin/demo/crowd", { count: people });
  const cookies = await pool(crowd.people, 32, (p) => signIn(p.link));
  const programme = (await (
    await fetch(`${server.origin}/api/me/programme`, { headers: { Cookie: moderatorCookie } })
  ).json()) as {
    liveSessionId: string;
  };
  return { server, sessionId: programme.liveSessionId, moderatorCookie, cookies };
}
