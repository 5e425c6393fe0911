import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { quietEnv } from "../quiet-env.ts";
import { freePort } from "./free-port.ts";
import { ownerApiToken } from "./organizer-client.ts";

const root = resolve(import.meta.dirname, "../..");

export interface LocalServer {
  origin: string;
  /** The ADMIN_TOKEN setting: only for `POST /api/admin/bootstrap` (sign-in links in tests). */
  adminToken: string;
  /** An API token with every token scope in the demo owner's workspace, for scripted organizer calls. */
  apiToken: string;
  /** wrangler's --persist-to directory (local D1 and objects): `wrangler d1 execute --local` seeds it. */
  stateDir: string;
  stop(): Promise<void>;
}

/**
 * The built app under `wrangler dev` on a free port, with its own empty state directory and
 * settings, exactly as `npm start` runs it (real workerd, D1 and Durable Objects). The demo
 * seeding is on (DEMO=true), as under `npm start`: the e2e tests and the benchmarks start from it.
 */
export async function startLocalServer(
  settings: Record<string, string> = {},
  options: {
    /**
     * The host name in PUBLIC_URL and `origin` (wrangler listens on 127.0.0.1 either way).
     * `localhost` for passkeys: WebAuthn refuses an IP address as the relying party's id.
     */
    host?: "127.0.0.1" | "localhost";
  } = {},
): Promise<LocalServer> {
  const port = await freePort();
  const origin = `http://${options.host ?? "127.0.0.1"}:${port}`;
  const dir = mkdtempSync(join(tmpdir(), "foyer-e2e-"));
  const adminToken = "e2e-admin-token-0123456789abcdef0123456789";
  const envFile = join(dir, "settings.env");
  const vars = {
    PUBLIC_URL: origin,
    ADMIN_TOKEN: adminToken,
    LINK_SIGNING_KEYS: "e2e:e2e-signing-key-0123456789abcdef0123456789",
    DEMO: "true",
    ...settings,
  };
  writeFileSync(
    envFile,
    Object.entries(vars)
      .map(([k, v]) => `${k}=${v}`)
      .join("\n"),
  );
  const env = quietEnv();
  const persist = join(dir, "state");

  const migrate = spawnSync(
    "npx",
    ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", persist],
    {
      cwd: root,
      env: { ...env, CI: "true" },
      encoding: "utf8",
    },
  );
  if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);

  const child: ChildProcess = spawn(
    "npx",
    [
      "wrangler",
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--inspector-port",
      String(await freePort()),
      "--persist-to",
      persist,
      "--env-file",
      envFile,
      "--show-interactive-dev-session=false",
      "--log-level",
      "warn",
    ],
    { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  // FOYER_SERVER_LOG=1 shows the server's own output (logs of the worker and objects) as it runs.
  if (process.env.FOYER_SERVER_LOG === "1") {
    child.stdout?.pipe(process.stderr);
    child.stderr?.pipe(process.stderr);
  }

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((r) => child.once("exit", r).once("error", r));
    }
    rmSync(dir, { recursive: true, force: true });
  };

  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok)
        return {
          origin,
          adminToken,
          apiToken: await ownerApiToken(origin, adminToken, "e2e and bench"),
          stateDir: persist,
          stop,
        };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not become healthy:\n${output}`);
}
