import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";
import type { BootstrapRequest } from "../../../core/contract/organizers.ts";
import { bootstrap } from "../../../scripts/lib/organizer-client.ts";
import { CHROMIUM_FLAGS } from "./chromium.ts";

export { CHROMIUM_FLAGS };

export const e2eEnabled = () => inject("chromium") !== "";
export const origin = () => inject("origin");
/** An all-scopes API token of the demo workspace (made at setup): organizer API calls from tests. */
export const apiToken = () => inject("apiToken");

/**
 * A fresh one-time organizer sign-in link for the demo owner (or another owner), through the
 * bootstrap route: the ADMIN_TOKEN's only use. Open it in a page to sign in to /admin. `server`:
 * a server of the test's own (the passkey test runs one on localhost) instead of the shared one.
 */
export async function signInLink(
  owner?: BootstrapRequest,
  server: { origin: string; adminToken: string } = { origin: origin(), adminToken: inject("adminToken") },
): Promise<string> {
  return (await bootstrap(server.origin, server.adminToken, owner)).signInLink;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: inject("chromium"), headless: true, args: CHROMIUM_FLAGS });
}

/** A fresh profile (its own cookies), like a separate person on a separate machine. */
export function newPerson(browser: Browser, locale = "en-US"): Promise<BrowserContext> {
  return browser.newContext({ baseURL: origin(), locale, viewport: { width: 1280, height: 800 } });
}

export async function adminPost<T>(path: string, body?: unknown, method: "POST" | "PATCH" = "POST"): Promise<T> {
  const res = await fetch(`${origin()}${path}`, {
    method,
    headers: { Authorization: `Bearer ${apiToken()}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : null,
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface DemoPeople {
  people: { name: string; role: string; link: string }[];
}

export async function demoLink(name: string): Promise<string> {
  const demo = await adminPost<DemoPeople>("/api/admin/demo");
  const person = demo.people.find((p) => p.name.startsWith(name));
  if (!person) throw new Error(`no demo person ${name}`);
  return person.link;
}

/** Opens a personal link and gets past the first-visit tech check by skipping it, as a hurried person would. */
export async function enterPortal(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.waitForURL("**/portal");
  // The page speaks the person's language (English or Dutch).
  const skip = page.getByRole("button", { name: /^(Skip the check|Check overslaan)$/ });
  // Landing: the session that is live (follow my programme is on), or the programme.
  const landed = page.locator('[data-portal-page="programme"], [data-portal-page="session"]').first();
  await Promise.race([skip.waitFor(), landed.waitFor()]);
  if (await skip.isVisible()) {
    await skip.click();
    await page.getByRole("button", { name: /^(Skip anyway|Toch overslaan)$/ }).click();
  }
  await landed.waitFor();
}

/** Opens a session from the programme page, as a person would. */
export async function openFromProgramme(page: Page, title: string): Promise<void> {
  await page.getByRole("link", { name: /^(Programme|Programma)$/ }).click();
  await page
    .getByRole("link", { name: new RegExp(`^(Open|Openen): ${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) })
    .click();
  await page.locator(`[data-portal-page="session"] h1`, { hasText: title }).waitFor();
}
