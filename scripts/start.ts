/**
 * `npm start`: build the client, apply D1 migrations locally, start `wrangler dev`, seed the demo
 * event and print the links a newcomer needs. Runs on the Node 22 that package.json pins.
 */
import { spawn, spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { build } from "vite";
import { ensureDevVars } from "./dev-vars.ts";
import { quietEnv } from "./quiet-env.ts";

const root = resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 8787);
const origin = `http://127.0.0.1:${port}`;
const env = quietEnv();

function step(message: string): void {
  console.log(`\n▸ ${message}`);
}

const { created, vars } = ensureDevVars(resolve(root, ".dev.vars"));
if (created) console.log("Created .dev.vars with a fresh admin token and link-signing key.");

step("Building the client");
await build({ configFile: resolve(root, "client/vite.config.ts"), logLevel: "warn" });

step("Applying D1 migrations to the local database");
const migrate = spawnSync("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local"], {
  cwd: root,
  env: { ...env, CI: "true" },
  stdio: ["ignore", "inherit", "inherit"],
});
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

step(`Starting wrangler dev on ${origin}`);
const dev = spawn("npx", ["wrangler", "dev", "--ip", "127.0.0.1", "--port", String(port), "--show-interactive-dev-session=false"], {
  cwd: root,
  env,
  stdio: ["ignore", "inherit", "inherit"],
});
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

interface DemoResult {
  event: { title: string; slug: string; startsAt: string; endsAt: string };
  created: boolean;
  people: { name: string; role: string; link: string }[];
}

try {
  await waitForHealth();
  const res = await fetch(`${origin}/api/admin/demo`, {
    method: "POST",
    headers: { Authorization: `Bearer ${vars.ADMIN_TOKEN}` },
  });
  if (!res.ok) throw new Error(`Seeding the demo failed: ${res.status} ${await res.text()}`);
  const demo = (await res.json()) as DemoResult;
  const width = Math.max(...demo.people.map((p) => p.name.length));
  console.log(`
────────────────────────────────────────────────────────────────────────
 Foyer is running at ${origin}
 Demo event: ${demo.event.title} (${demo.created ? "created" : "already there"}), ${demo.event.startsAt} – ${demo.event.endsAt}

 Organizer admin token (Authorization: Bearer …):
   ${vars.ADMIN_TOKEN}

 Personal links (open one per browser profile or private window):
${demo.people.map((p) => `   ${p.name.padEnd(width)}  ${p.role.padEnd(11)}  ${p.link}`).join("\n")}

 ${vars.EMAIL_PROVIDER === "ses" ? "Their invitations went out through SES." : `Their invitations are in the outbox: ${origin}/admin (sign in with the token above)`}
 Register yourself at ${origin}/e/${demo.event.slug}
────────────────────────────────────────────────────────────────────────
`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  stop();
  process.exitCode = 1;
}
