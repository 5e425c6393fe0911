import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminCatalogues } from "../../client/src/admin/i18n";
import { en } from "../../client/src/i18n/en";
import { enNetworking } from "../../client/src/i18n/en-networking";
import { demoLink, e2eEnabled, enterPortal, launchBrowser, newPerson, openFromProgramme } from "./support/browser";

/** Every key of every catalogue: one showing up as text means a translation did not resolve. */
const keys = new Set([...Object.keys(en), ...Object.keys(enNetworking), ...Object.keys(adminCatalogues.en)]);

/** Page text with raw catalogue keys, plus the missing-translation reports t() logs. */
async function untranslated(page: Page, logged: string[]): Promise<string[]> {
  const text = await page.locator("body").innerText();
  const attrs = await page.evaluate(() =>
    [...document.querySelectorAll("[aria-label],[placeholder],[title],[alt]")].flatMap((el) =>
      ["aria-label", "placeholder", "title", "alt"].map((a) => el.getAttribute(a) ?? ""),
    ),
  );
  const words = [...text.split(/\s+/), ...attrs].map((w) => w.replace(/[.,:;!?)(]+$/g, ""));
  return [...new Set(words.filter((w) => keys.has(w))), ...logged];
}

const pages: { name: string; open: (page: Page, lang: "en" | "nl") => Promise<void> }[] = [
  { name: "landing", open: async (page) => void (await page.goto("/")) },
  { name: "not found", open: async (page) => void (await page.goto("/no/such/page")) },
  { name: "broken link", open: async (page) => void (await page.goto(`${await demoLink("Ada")}x`)) },
  {
    name: "registration",
    open: async (page) => {
      await page.goto("/e/demo");
      await page.locator("form").first().waitFor();
    },
  },
  {
    name: "tech check",
    open: async (page) => {
      await enterPortal(page, await demoLink("Chlo"));
      await page.goto("/portal/tech-check");
      await page.locator('[data-check="camera"]:not([data-verdict="running"])').waitFor();
    },
  },
  {
    name: "programme",
    open: async (page) => {
      await enterPortal(page, await demoLink("Ada"));
      await page.getByRole("link", { name: /^(Programme|Programma)$/ }).click();
      await page.locator('[data-portal-page="programme"]').waitFor();
    },
  },
  {
    name: "stage (moderator)",
    open: async (page) => {
      await enterPortal(page, await demoLink("Mia"));
      await page.locator(".session-view[data-ready='yes']").waitFor();
    },
  },
  {
    name: "breakout",
    open: async (page) => {
      await enterPortal(page, await demoLink("Bram"));
      await openFromProgramme(page, "Breakout: design critique");
      await page.locator(".session-view[data-ready='yes']").waitFor();
    },
  },
  {
    name: "people (directory)",
    open: async (page) => {
      await enterPortal(page, await demoLink("Bram"));
      await page.getByRole("link", { name: /^(People|Deelnemers)$/ }).click();
      await page.locator('[data-portal-page="people"] .directory-card').first().waitFor();
    },
  },
  {
    name: "carousel",
    open: async (page) => {
      await enterPortal(page, await demoLink("Ada"));
      await openFromProgramme(page, "Networking carousel");
      await page.locator("section.carousel[data-status]:not([data-status=loading])").waitFor();
    },
  },
  {
    name: "organizer sign-in",
    open: async (page) => {
      await page.goto("/admin");
      await page.locator("main").waitFor();
    },
  },
  {
    name: "producer output",
    // An output speaks the event's language (it is on the broadcast), or the one its URL asks for.
    open: async (page, lang) => {
      await enterPortal(page, await demoLink("Pim"));
      const sessionId = await page.locator(".session-header[data-session-id]").getAttribute("data-session-id");
      await page.goto(`/output/${sessionId}/poll?lang=${lang}`);
      await page.locator("main, [data-output]").first().waitFor();
    },
  },
];

describe.skipIf(!e2eEnabled())("both languages, every page, no missing translation", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of ["en", "nl"] as const) {
    for (const { name, open } of pages) {
      it(`${name} in ${lang === "en" ? "English" : "Dutch"}`, async () => {
        const context = await newPerson(browser, lang === "en" ? "en-US" : "nl-NL");
        // The person's own choice on this device wins over the registration's language.
        await context.addInitScript((l) => localStorage.setItem("foyer.language", l), lang);
        const page = await context.newPage();
        const logged: string[] = [];
        page.on("console", (m) => {
          if (m.type() === "error" && m.text().startsWith("Missing translation")) logged.push(m.text());
        });
        await open(page, lang);
        expect(await page.locator("html").getAttribute("lang")).toBe(lang);
        expect(await untranslated(page, logged)).toEqual([]);
        await context.close();
      });
    }
  }
});
