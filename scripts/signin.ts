/**
 * `npm run signin -- <email> [workspace]`: prints a fresh one-time organizer sign-in link for a
 * local owner, through the bootstrap route of the running `npm start` server (the ADMIN_TOKEN in
 * .dev.vars). The person becomes an owner of the workspace ("Demo" unless named) if they were not
 * already: this is a local recovery tool, like the bootstrap it uses.
 */
import { resolve } from "node:path";
import { parseDevVars } from "./dev-vars.ts";
import { bootstrap, DEMO_OWNER } from "./lib/organizer-client.ts";
import { readFileSync } from "node:fs";

const [email, workspace = DEMO_OWNER.workspace] = process.argv.slice(2);
if (!email?.includes("@")) {
  console.error("Usage: npm run signin -- <email> [workspace]");
  process.exit(2);
}
const root = resolve(import.meta.dirname, "..");
const vars = parseDevVars(readFileSync(resolve(root, ".dev.vars"), "utf8"));
const origin = `http://127.0.0.1:${process.env.PORT ?? 8787}`; // the server npm start runs on PORT
const name = email === DEMO_OWNER.email ? DEMO_OWNER.name : email.split("@")[0]!;
try {
  const { signInLink } = await bootstrap(origin, vars.ADMIN_TOKEN ?? "", { email, name, workspace });
  console.log(`Organizer sign-in link for ${email} (one use, 15 minutes):\n  ${signInLink}`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err, `\n(Is \`npm start\` running on ${origin}?)`);
  process.exit(1);
}
