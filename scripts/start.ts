/**
 * `npm start`: build the client, apply D1 migrations locally, seed the demo event, print the
 * links a newcomer needs, then serve everything with `wrangler dev`. Runs on the Node 22 that
 * package.json pins.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { build, runnerImport } from "vite";
import { getPlatformProxy } from "wrangler";
import { ensureDevVars, localPublicUrl } from "./dev-vars.ts";
import { quietEnv } from "./quiet-env.ts";
import { bootstrap, DEMO_OWNER, signInWith } from "./lib/organizer-client.ts";
import type { seedDemo as SeedDemo } from "./seed-demo.ts";

const root = resolve(import.meta.dirname, "..");
const DEMO_OWNER_EMAIL = DEMO_OWNER.email;
const port = Number(process.env.PORT ?? 8787);
const origin = `http://127.0.0.1:${port}`;
const env = quietEnv();
Object.assign(process.env, env);

function step(message: string): void {
  console.log(`\n▸ ${message}`);
}

/** Something already listening would answer our health check and hide a failed start. */
async function portTaken(): Promise<boolean> {
  const { createConnection } = await import("node:net");
  return new Promise((resolvePort) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolvePort(true);
    });
    socket.once("error", () => resolvePort(false));
  });
}
if (await portTaken()) {
  console.error(
    `Port ${port} is already in use (another npm start?). Stop that server, or run with PORT=<another port>.`,
  );
  process.exit(1);
}

const { created, vars: saved } = ensureDevVars(resolve(root, ".dev.vars"));
if (created) console.log("Created .dev.vars with a fresh bootstrap token (ADMIN_TOKEN) and link-signing key.");
// Where people open Foyer: PUBLIC_URL (http://localhost in a new .dev.vars, since passkeys refuse
// an IP address) on the port this run serves; the server itself is reached at 127.0.0.1 either way.
const site = localPublicUrl(saved.PUBLIC_URL, port);
const vars: Record<string, string> = { ...saved, PUBLIC_URL: site };

step("Building the client");
await build({ configFile: resolve(root, "client/vite.config.ts"), logLevel: "warn" });

step("Applying D1 migrations to the local database");
const migrate = spawnSync("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local"], {
  cwd: root,
  env: { ...env, CI: "true" },
  stdio: ["ignore", "inherit", "inherit"],
});
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

step("Seeding the demo event");
// The same local D1 file wrangler dev uses (same database id, same state directory), through a
// config with only that binding, and the worker's own seeding code.
const databaseId = /database_id\s*=\s*"([^"]+)"/.exec(readFileSync(resolve(root, "wrangler.toml"), "utf8"))?.[1];
const seedConfig = resolve(root, ".wrangler/tmp/seed.wrangler.json");
mkdirSync(resolve(root, ".wrangler/tmp"), { recursive: true });
writeFileSync(
  seedConfig,
  JSON.stringify({
    name: "foyer-seed",
    compatibility_date: "2026-11-01",
    d1_databases: [{ binding: "DB", database_name: "foyer", database_id: databaseId }],
  }),
);
const proxy = await getPlatformProxy<Parameters<typeof SeedDemo>[0]>({
  configPath: seedConfig,
  persist: { path: resolve(root, ".wrangler/state/v3") },
});
let demo: Awaited<ReturnType<typeof SeedDemo>>;
try {
  const { module } = await runnerImport<{ seedDemo: typeof SeedDemo }>(resolve(root, "scripts/seed-demo.ts"));
  demo = await module.seedDemo({ ...vars, DB: proxy.env.DB });
} finally {
  await proxy.dispose();
}

const width = Math.max(...demo.people.map((p) => p.name.length));
console.log(`
────────────────────────────────────────────────────────────────────────
 Foyer: ${site}
 Demo event: ${demo.event.title} (${demo.created ? "created" : "already there"}), ${demo.event.startsAt} – ${demo.event.endsAt}

 Personal links (open each in its own browser profile or private window):
${demo.people.map((p) => `   ${p.name.padEnd(width)}  ${p.role.padEnd(11)}  ${p.link}`).join("\n")}

 ${vars.EMAIL_PROVIDER === "ses" ? "Their invitations go out through SES." : `Their invitations land in the outbox: ${site}/admin (sign in with the link printed below)`}
 Register yourself at ${site}/e/${demo.event.slug}
────────────────────────────────────────────────────────────────────────`);

step(`Starting wrangler dev on ${origin}`);
// DEMO on whatever .dev.vars says (one written before the setting existed lacks it): `npm start`
// is the demo, and wakes the scheduler through its route below. PUBLIC_URL follows PORT (above).
const dev = spawn(
  "npx",
  [
    "wrangler",
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--var",
    "DEMO:true",
    "--var",
    `PUBLIC_URL:${site}`,
    "--show-interactive-dev-session=false",
  ],
  {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  },
);
// wrangler's bindings table lists every setting by name only; it hides the lines that matter.
const noise = /^(Your Worker has access to the following bindings:|Binding\s+Resource|env\.[A-Z_]+ )/;
for (const [stream, out] of [
  [dev.stdout, process.stdout],
  [dev.stderr, process.stderr],
] as const) {
  createInterface({ input: stream }).on("line", (line) => {
    if (!noise.test(line)) out.write(`${line}\n`);
  });
}
const stop = () => dev.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
dev.on("exit", (code) => process.exit(code ?? 0));

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) return;
      if (res.status === 500) throw new Error(await res.text());
    } catch (err) {
      if (err instanceof Error && err.message.includes("config_invalid")) throw err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer ${origin}/healthz`);
}

try {
  await waitForHealth();
  // The ADMIN_TOKEN's one use: bootstrap the demo owner, who signs in with the link it answers.
  const cookie = await signInWith(origin, (await bootstrap(origin, vars.ADMIN_TOKEN!)).signInLink);
  // Idempotent: wakes the invitation scheduler so the demo's invitations go out now.
  const res = await fetch(`${origin}/api/admin/demo`, { method: "POST", headers: { Cookie: cookie, Origin: origin } });
  if (!res.ok) throw new Error(`Waking the invitation scheduler failed: ${res.status} ${await res.text()}`);
  // That session was the script's, not a browser's: end it, so "My sign-ins" lists only people's.
  await fetch(`${origin}/api/admin/auth/signout`, { method: "POST", headers: { Cookie: cookie, Origin: origin } });
  // A fresh link for the person at the keyboard (the first one was used above).
  const { signInLink } = await bootstrap(origin, vars.ADMIN_TOKEN!);
  console.log(`
 Organizer sign-in link (one use, 15 minutes; \`npm run signin -- ${DEMO_OWNER_EMAIL}\` for another):
   ${signInLink}

✔ Foyer is running at ${site} — open one of the personal links above.`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  stop();
  process.exitCode = 1;
}
