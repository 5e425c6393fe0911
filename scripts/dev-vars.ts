import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * Local secrets: created on the first `npm start` with fresh random values, so every checkout has
 * its own admin token and link-signing key and nothing secret is committed. Later runs reuse them,
 * which keeps printed links working across restarts.
 */
export function ensureDevVars(path: string): { created: boolean; vars: Record<string, string> } {
  let created = false;
  if (!existsSync(path)) {
    const template = readFileSync(new URL("../.dev.vars.example", import.meta.url), "utf8");
    const filled = template
      .replace(/^ADMIN_TOKEN=.*$/m, `ADMIN_TOKEN=${randomBytes(24).toString("base64url")}`)
      .replace(/^LINK_SIGNING_KEYS=.*$/m, `LINK_SIGNING_KEYS=k1:${randomBytes(32).toString("base64url")}`);
    writeFileSync(path, filled, { mode: 0o600 });
    created = true;
  }
  return { created, vars: parseDevVars(readFileSync(path, "utf8")) };
}

export function parseDevVars(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) vars[m[1]!] = m[2]!.replace(/^"(.*)"$/, "$1");
  }
  return vars;
}

/**
 * The address people open for a local server on `port`: PUBLIC_URL from .dev.vars, with its port
 * changed to `port` when it names this machine (so `PORT=8899 npm start` prints and e-mails links
 * that reach the server it started). A PUBLIC_URL elsewhere (a tunnel, a LAN name) is kept as set.
 */
export function localPublicUrl(publicUrl: string | undefined, port: number): string {
  if (!publicUrl) return `http://localhost:${port}`;
  const url = new URL(publicUrl);
  if (!["localhost", "127.0.0.1", "[::1]"].includes(url.hostname)) return url.origin;
  url.port = String(port);
  return url.origin;
}
