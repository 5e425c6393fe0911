import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signToken } from "../../server/tokens";
import { adminPost, apiToken, e2eEnabled, launchBrowser, newPerson, origin, signInLink } from "./support/browser";

async function adminGet<T>(path: string): Promise<T> {
  const res = await fetch(`${origin()}${path}`, { headers: { Authorization: `Bearer ${apiToken()}` } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function mailsTo(email: string): Promise<{ subject: string; text: string }[]> {
  return (
    await adminGet<{ items: { subject: string; text: string }[] }>(`/api/admin/outbox?to=${encodeURIComponent(email)}`)
  ).items;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2.x A/AA violations axe-core finds on the page as it is now. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
    ).axe;
    const result = await axe.run({ runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

describe.skipIf(!e2eEnabled())("registration in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    await adminPost("/api/admin/demo");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a newcomer registers on /e/demo, finds the e-mail in the outbox, opens the link and sees a programme made for them", async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    const email = `newcomer-${Date.now()}@example.com`;
    await page.goto("/e/demo");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Foyer Demo Day");
    await page.getByLabel("Name").fill("Nora Newcomer");
    await page.getByLabel("E-mail address").fill(email);
    await page.getByRole("radio", { name: "Standard", exact: true }).check();
    // Exact: the form also offers the demo's sessions, one of them "Breakout: design critique".
    await page.getByRole("checkbox", { name: "Design", exact: true }).check();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Register" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("You are registered");
    expect(await page.getByRole("status").filter({ hasText: email }).count()).toBe(1);

    await expect.poll(async () => (await mailsTo(email)).length, { timeout: 15_000 }).toBe(1);
    const [mail] = await mailsTo(email);
    expect(mail!.text).toContain("Hello Nora Newcomer,");
    const link = /https?:\/\/\S+\/j\/[\w.-]+/.exec(mail!.text)![0];

    await page.goto(link);
    await page.waitForURL("**/portal");
    // A newcomer's first visit starts with the tech check (fake devices pass it).
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Quick tech check");
    await page.locator('[data-check="network"]:not([data-verdict="running"])').waitFor({ timeout: 20_000 });
    await page.getByRole("button", { name: "Play test sound" }).click();
    await page.getByRole("button", { name: "I heard it" }).click();
    await page.getByRole("button", { name: "Continue to the event" }).click();
    // Follow my programme lands her in the live stage; her programme is one click away.
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Main stage: opening and keynote");
    await page.getByRole("link", { name: "Programme", exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Hello Nora Newcomer");
    const programme = page.getByRole("list").filter({ has: page.locator(".programme-item") });
    await expect.poll(() => programme.getByText("Main stage: opening and keynote").count()).toBe(1);
    // A standard ticket: the VIP breakout is not part of Nora's programme.
    expect(await programme.getByText("Breakout: building for the edge").count()).toBe(0);
    expect(await page.getByRole("link", { name: "Add my programme to my calendar" }).getAttribute("href")).toBe(
      "/api/me/calendar.ics",
    );
    await context.close();
  });

  it("announces each problem in Dutch, next to its field, and moves focus to the summary", async () => {
    const context = await newPerson(browser, "nl-NL");
    const page = await context.newPage();
    await page.goto("/e/demo");
    await page.getByLabel("E-mailadres").fill("geen-adres");
    await page.getByRole("button", { name: "Inschrijven" }).press("Enter");
    const summary = page.locator(".error-summary");
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await summary.getAttribute("role")).toBe("alert");
    expect(await summary.textContent()).toContain("Naam is verplicht.");
    expect(await summary.textContent()).toContain("Ticket is verplicht.");
    expect(await accessibilityViolations(page)).toEqual([]);
    const name = page.getByLabel("Naam");
    expect(await name.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await page.getByLabel("E-mailadres").getAttribute("aria-describedby"))!;
    expect(await page.locator(`#${describedBy}`).textContent()).toBe(
      "Vul een e-mailadres in, zoals naam@voorbeeld.nl.",
    );
    await context.close();
  });

  it("an expired link offers a fresh one by e-mail", async () => {
    const { items } = await adminGet<{ items: { id: string; eventId: string; email: string }[] }>(
      "/api/admin/events/demo/registrations?q=chloe",
    );
    const chloe = items[0]!;
    const expired = await signToken({ id: "e2e", secret: "e2e-signing-key-0123456789abcdef0123456789" }, "link", {
      registrationId: chloe.id,
      eventId: chloe.eventId,
      role: "participant",
      linkVersion: 1,
      expiresAt: Math.floor(Date.now() / 1000) - 60,
    });
    const before = (await mailsTo(chloe.email)).length;
    const context = await newPerson(browser);
    const page = await context.newPage();
    const response = await page.goto(`/j/${expired}`);
    expect(response?.status()).toBe(410);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("This link has expired");
    await page.getByRole("button", { name: "E-mail me a fresh link" }).click();
    await expect
      .poll(() => page.locator(".fresh-link-status").textContent())
      .toContain("A fresh link is on its way to c•••@demo.foyer.test");
    await expect.poll(async () => (await mailsTo(chloe.email)).length, { timeout: 15_000 }).toBe(before + 1);
    await context.close();
  });

  it("the organizer signs in, sees invitation states, and reads the outbox", async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    // The CSP refuses style attributes; a page that relies on one silently loses its layout.
    const refusedStyles: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && m.text().includes("Applying inline style")) refusedStyles.push(m.text());
    });
    // A link altered on the way signs nobody in; the page says so.
    const link = await signInLink();
    await page.goto(`${link.slice(0, -4)}AAAA`);
    await expect
      .poll(() =>
        page
          .getByRole("alert")
          .filter({ hasText: /sign-in link/ })
          .isVisible(),
      )
      .toBe(true);
    // The real link signs in (the altered one did not use it up).
    await page.goto("about:blank");
    await page.goto(link);
    // The console opens on the workspace's events; other tests create their own, the demo is the one to look at.
    await page.getByRole("row").filter({ hasText: "/e/demo" }).getByRole("link", { name: "Foyer Demo Day" }).click();
    await page.getByRole("button", { name: "Registrations" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Foyer Demo Day");
    const ada = page.getByRole("row").filter({ hasText: "ada@demo.foyer.test" });
    await expect.poll(() => ada.locator("[data-state]").getAttribute("data-state"), { timeout: 15_000 }).toBe("sent");
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel("Search by name or e-mail").fill("bram");
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => page.getByRole("row").count()).toBe(2);

    await page.getByRole("button", { name: "Outbox" }).click();
    await expect.poll(() => page.locator('.outbox-message[data-to="ada@demo.foyer.test"]').count()).toBeGreaterThan(0);
    const adaMail = page.locator('.outbox-message[data-to="ada@demo.foyer.test"]').first();
    await adaMail.locator("summary").click();
    expect(await adaMail.locator(".outbox-body").textContent()).toContain("Hello Ada Lovelace,");
    expect(await page.locator("ul.outbox").evaluate((ul) => getComputedStyle(ul).listStyleType)).toBe("none");
    expect(refusedStyles).toEqual([]);
    await context.close();
  });
});
