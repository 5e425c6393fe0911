import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { build } from "vite";
import { startLocalServer, type LocalServer } from "../../../scripts/lib/local-server.ts";
import { findChromium } from "./chromium.ts";

const root = resolve(import.meta.dirname, "../../..");

let server: LocalServer | undefined;

export default async function setup(project: TestProject) {
  const chromium = findChromium();
  if (!chromium) {
    const how = "install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH";
    if (process.env.CI === "true") throw new Error(`End-to-end tests need Chromium under CI: ${how}.`);
    console.warn(`\n⚠ End-to-end tests SKIPPED: no Chromium found; ${how}.\n`);
    project.provide("chromium", "");
    project.provide("origin", "");
    project.provide("adminToken", "");
    project.provide("apiToken", "");
    return;
  }
  if (!existsSync(resolve(root, "dist/client/index.html"))) {
    await build({ configFile: resolve(root, "client/vite.config.ts"), logLevel: "warn" });
  }
  server = await startLocalServer();
  project.provide("chromium", chromium);
  project.provide("origin", server.origin);
  project.provide("adminToken", server.adminToken);
  project.provide("apiToken", server.apiToken);
  return async () => {
    await server?.stop();
  };
}
