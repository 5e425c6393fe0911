import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENT_TABS } from "../../client/src/admin/event/tabs";
import { seriousA11yViolations } from "./support/axe";
import { adminPost, e2eEnabled, launchBrowser, newPerson, origin, signInLink } from "./support/browser";

/**
 * Every tab of an event's page in the organizer console, on the demo event (which has a stage, a
 * breakout, a carousel, prepared items and people), in both colour schemes and both languages:
 * no serious or critical axe violation, and no key of the catalogue shown instead of a text.
 */
describe.skipIf(!e2eEnabled())("accessibility of every console tab", () => {
  let browser: Browser;
  let owner: BrowserContext;
  let eventId: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    eventId = (await adminPost<{ event: { id: string } }>("/api/admin/demo")).event.id;
    owner = await newPerson(browser);
    const page = await owner.newPage();
    await page.goto((await signInLink()).replace(/^https?:\/\/[^/]+/, origin()));
    await page.getByRole("navigation", { name: /organizer console/i }).waitFor();
    await page.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of ["en", "nl"] as const) {
    for (const scheme of ["light", "dark"] as const) {
      it(`every tab in ${lang} (${scheme}) is axe clean and fully translated`, async () => {
        const page = await owner.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.addInitScript((l) => localStorage.setItem("foyer.language", l), lang);
        const failures: string[] = [];
        for (const tab of EVENT_TABS) {
          await page.goto(`/admin?event=${eventId}&tab=${tab}`);
          await page.locator(`nav.tabs [aria-current="page"]`).waitFor();
          // Each tab loads its data once; the control room refreshes every few seconds, so wait for
          // its first load rather than for a quiet network.
          await page.waitForFunction(() => !document.querySelector('main [role="status"][aria-busy="true"]'));
          await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
          for (const v of await seriousA11yViolations(page)) failures.push(`${tab}: ${JSON.stringify(v)}`);
          const keys = await page
            .locator("main")
            .evaluate((m) => (m.textContent ?? "").match(/\badmin\.[a-z]+\.[\w.]+/g) ?? []);
          for (const k of keys) failures.push(`${tab}: untranslated ${k}`);
        }
        // The console really is in the language asked for.
        expect(await page.locator("nav.tabs").textContent()).toContain(lang === "nl" ? "Programma" : "Programme");
        expect(failures).toEqual([]);
        await page.close();
      });
    }
  }
});
