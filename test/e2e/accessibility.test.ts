import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousA11yViolations } from "./support/axe";
import { demoLink, e2eEnabled, enterPortal, launchBrowser, newPerson, openFromProgramme } from "./support/browser";

/** Every page, in both colour schemes, with no serious or critical axe violation. */
describe.skipIf(!e2eEnabled())("accessibility (axe-core) of every page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const pages: { name: string; open: (page: Page) => Promise<void> }[] = [
    { name: "landing", open: async (page) => void (await page.goto("/")) },
    { name: "not found", open: async (page) => void (await page.goto("/nowhere/at/all")) },
    { name: "broken link", open: async (page) => void (await page.goto(`${await demoLink("Ada")}x`)) },
    {
      name: "tech check",
      open: async (page) => {
        await page.goto(await demoLink("Chlo"));
        await page.waitForURL("**/portal");
        await page.goto("/portal/tech-check");
        await page.locator('[data-check="camera"][data-verdict="pass"]').waitFor();
      },
    },
    { name: "stage (participant)", open: async (page) => enterPortal(page, await demoLink("Bram")) },
    {
      name: "stage (moderator)",
      open: async (page) => {
        await enterPortal(page, await demoLink("Mia"));
        await page.locator(".session-view[data-ready='yes']").waitFor();
      },
    },
    {
      name: "programme",
      open: async (page) => {
        await enterPortal(page, await demoLink("Ada"));
        await page.getByRole("link", { name: "Programme", exact: true }).click();
        await page.locator('[data-portal-page="programme"]').waitFor();
      },
    },
    {
      name: "breakout",
      open: async (page) => {
        await enterPortal(page, await demoLink("Chlo"));
        await openFromProgramme(page, "Breakout: design critique");
        await page.locator(".session-view[data-ready='yes']").waitFor();
      },
    },
    {
      name: "people (directory)",
      open: async (page) => {
        await enterPortal(page, await demoLink("Bram"));
        await page.getByRole("link", { name: "Deelnemers", exact: true }).click();
        await page.locator('[data-portal-page="people"] .directory-card').first().waitFor();
      },
    },
    {
      name: "carousel (moderator)",
      open: async (page) => {
        await enterPortal(page, await demoLink("Mia"));
        await openFromProgramme(page, "Networking carousel");
        await page.locator("section.carousel[data-status]:not([data-status=loading])").waitFor();
      },
    },
    {
      name: "registration",
      open: async (page) => {
        await page.goto("/e/demo");
        await page.getByRole("heading", { level: 1, name: "Foyer Demo Day" }).waitFor();
      },
    },
    {
      name: "organizer sign-in",
      open: async (page) => {
        await page.goto("/admin");
        await page.locator("main").waitFor();
      },
    },
  ];

  for (const scheme of ["light", "dark"] as const) {
    for (const { name, open } of pages) {
      it(`${name} (${scheme})`, async () => {
        const context = await newPerson(browser);
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await open(page);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await context.close();
      });
    }
  }
});
