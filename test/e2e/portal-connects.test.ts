import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoLink, e2eEnabled, enterPortal, launchBrowser, newPerson } from "./support/browser";

describe.skipIf(!e2eEnabled())("portal in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("opens a personal link, lands in the live stage without the token in the address, and connects", async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    await enterPortal(page, await demoLink("Ada"));
    expect(page.url()).not.toContain("/j/");
    expect(new URL(page.url()).pathname).toMatch(/^\/portal\/session\/ses_/);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Main stage: opening and keynote");
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Connected" }).count()).toBe(1);
    await expect.poll(() => page.locator("[data-connected]").getAttribute("data-connected")).toBe("yes");
    // The programme is one click away, with the person's name on it.
    await page.getByRole("link", { name: "Programme", exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Hello Ada Lovelace");
    await context.close();
  });

  it("shows the reconnecting state when the socket drops and connects again by itself", async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    let drop: (() => Promise<void>) | undefined;
    let connections = 0;
    // The session's socket, not the event hub's (`/api/sessions/hub/ws`), which every page also opens.
    await page.routeWebSocket(/\/api\/sessions\/ses_[^/]+\/ws$/, (ws) => {
      connections++;
      ws.connectToServer();
      drop = () => ws.close({ code: 4999, reason: "network dropped" });
    });
    await enterPortal(page, await demoLink("Bram"));
    await expect.poll(() => page.locator(".connection").getAttribute("data-state")).toBe("open");
    await drop!();
    await expect.poll(() => page.locator(".connection").getAttribute("data-state")).toBe("reconnecting");
    await expect.poll(() => page.locator(".connection").getAttribute("data-state"), { timeout: 10_000 }).toBe("open");
    expect(connections).toBe(2);
    await context.close();
  });

  it("says so when the browser goes offline, and reconnects when it is back", async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    await enterPortal(page, await demoLink("Chlo"));
    await expect.poll(() => page.locator(".connection").getAttribute("data-state")).toBe("open");
    await context.setOffline(true);
    await expect.poll(() => page.locator(".connection").getAttribute("data-state")).toBe("offline");
    await context.setOffline(false);
    await expect.poll(() => page.locator(".connection").getAttribute("data-state"), { timeout: 10_000 }).toBe("open");
    await context.close();
  });

  it("shows a clear page for a tampered link", async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    const link = await demoLink("Ada");
    const response = await page.goto(`${link.slice(0, -3)}xyz`);
    expect(response?.status()).toBe(403);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("This link does not work");
    await context.close();
  });
});
