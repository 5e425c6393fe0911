import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminCatalogues } from "../../client/src/admin/i18n";
import { en } from "../../client/src/i18n/en";
import { enNetworking } from "../../client/src/i18n/en-networking";
import {
  apiToken,
  demoLink,
  e2eEnabled,
  enterPortal,
  launchBrowser,
  newPerson,
  openFromProgramme,
  origin,
} from "./support/browser";

async function adminGet<T>(path: string): Promise<T> {
  const res = await fetch(`${origin()}${path}`, { headers: { Authorization: `Bearer ${apiToken()}` } });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** Every key of every catalogue: one showing up as text means a translation did not resolve. */
const keys = new Set([...Object.keys(en), ...Object.keys(enNetworking), ...Object.keys(adminCatalogues.en)]);

/** Page text with raw catalogue keys, plus the missing-translation reports t() logs. */
async function untranslated(page: Page, logged: string[]): Promise<string[]> {
  // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator; innerText leaves hidden text out, as a reader would
  const text = await page.locator("body").innerText();
  const attrs = await page.evaluate(() =>
    [...document.querySelectorAll("[aria-label],[placeholder],[title],[alt]")].flatMap((el) =>
      ["aria-label", "placeholder", "title", "alt"].map((a) => el.getAttribute(a) ?? ""),
    ),
  );
  const words = [...text.split(/\s+/), ...attrs].map((w) => w.replace(/[.,:;!?)(]+$/g, ""));
  return [...new Set(words.filter((w) => keys.has(w))), ...logged];
}

/** The demo's session titles as each language reads them. */
const TITLES = {
  en: { critique: "Breakout: design critique", carousel: "Networking carousel" },
  nl: { critique: "Deelsessie: ontwerpkritiek", carousel: "Netwerkcarrousel" },
} as const;

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
    open: async (page, lang) => {
      await enterPortal(page, await demoLink("Bram"));
      await openFromProgramme(page, TITLES[lang].critique);
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
    open: async (page, lang) => {
      await enterPortal(page, await demoLink("Ada"));
      await openFromProgramme(page, TITLES[lang].carousel);
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

describe.skipIf(!e2eEnabled())("a Dutch participant on an English computer", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("reads times on the 24-hour clock, in the chat and the programme", async () => {
    // Bram registered in Dutch; his laptop speaks American English (12-hour clock).
    const context = await newPerson(browser, "en-US");
    const page = await context.newPage();
    await enterPortal(page, await demoLink("Bram"));
    await page.locator(".session-view[data-ready='yes']").waitFor();
    await page.getByRole("textbox", { name: "Bericht" }).fill("Goedemiddag!");
    await page.getByRole("button", { name: "Versturen", exact: true }).click();
    const line = page.locator(".chat-line", { hasText: "Goedemiddag!" }).last();
    await expect.poll(() => line.locator("time").textContent()).toMatch(/^\d{2}:\d{2}$/);

    await page.getByRole("link", { name: "Programma", exact: true }).click();
    const times = await page.locator(".programme-time time").allTextContents();
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time).toMatch(/^\d{2}:\d{2}–\d{2}:\d{2}$/);
    await context.close();
  });

  it("sees the programme's session titles in Dutch, and in English once he switches", async () => {
    const context = await newPerson(browser, "en-US");
    const page = await context.newPage();
    await enterPortal(page, await demoLink("Bram"));
    await page.getByRole("link", { name: "Programma", exact: true }).click();
    const titles = () =>
      page.locator(".programme-title").evaluateAll((els) => els.map((el) => el.firstChild?.textContent?.trim()));
    await expect
      .poll(titles)
      .toEqual(["Hoofdpodium: opening en keynote", "Deelsessie: ontwerpkritiek", "Netwerkcarrousel"]);
    expect(await page.locator(".programme-kind").allTextContents()).toContain("Deelsessie");

    await page.getByRole("combobox", { name: "Taal" }).selectOption("en");
    await expect
      .poll(titles)
      .toEqual(["Main stage: opening and keynote", "Breakout: design critique", "Networking carousel"]);
    await context.close();
  });

  it("fills in the registration form with Dutch labels, and the stored values stay the same", async () => {
    const context = await newPerson(browser, "nl-NL");
    const page = await context.newPage();
    await page.goto("/e/demo");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Foyer Demodag");
    expect(
      await page
        .getByRole("group", { name: /^Ticket/ })
        .getByRole("radio")
        .evaluateAll((els) => els.map((el) => el.parentElement?.textContent?.trim())),
    ).toEqual(["Standaard", "VIP", "Spreker"]);
    expect(await page.getByLabel("Organisatie").count()).toBe(1);
    const email = `bo-${Date.now()}@example.com`;
    await page.getByLabel("Naam").fill("Bo Bakker");
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByRole("radio", { name: "Spreker", exact: true }).check();
    await page.getByRole("checkbox", { name: "Ontwerp", exact: true }).check();
    await page.getByRole("button", { name: "Inschrijven" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Je bent ingeschreven");
    const { items } = await adminGet<{
      items: { email: string; language: string; attributes: Record<string, unknown> }[];
    }>(`/api/admin/events/demo/registrations?q=${encodeURIComponent(email)}`);
    expect(items[0]).toMatchObject({ language: "nl", attributes: { ticket: "speaker", interests: ["design"] } });
    await context.close();
  });
});
