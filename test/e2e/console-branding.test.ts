import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousA11yViolations } from "./support/axe";
import { adminPost, e2eEnabled, enterPortal, launchBrowser, newPerson, origin, signInLink } from "./support/browser";

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

const rgb = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

/** The page's background and its first button's colours, as the browser computed them. */
const computed = (page: Page, button: string) =>
  page.evaluate((selector) => {
    const b = document.querySelector(selector)!;
    return {
      background: getComputedStyle(document.documentElement).backgroundColor,
      button: getComputedStyle(b).backgroundColor,
    };
  }, button);

/**
 * Branding from the console: an organizer refuses themselves a yellow that fails AA, takes the
 * darker yellow the tab offers, uploads a logo, and the registration page and the portal wear
 * both. The test calls the API only to make the event and a person to open the portal as.
 */
describe.skipIf(!e2eEnabled())("branding an event in the console", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("sets an accent and a logo that the registration page and the portal show", async () => {
    const stamp = Date.now().toString(36);
    const startsAt = Date.now() + 60 * 60_000;
    const event = await adminPost<{ id: string; slug: string }>("/api/admin/events", {
      slug: `branded-${stamp}`,
      title: `Branded ${stamp}`,
      timezone: "Europe/Amsterdam",
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 3 * 60 * 60_000).toISOString(),
    });
    const person = await adminPost<{ id: string }>(`/api/admin/events/${event.id}/registrations`, {
      name: "Bea Branded",
      email: `bea-${stamp}@example.com`,
    });
    const { link } = await adminPost<{ link: string }>(
      `/api/admin/events/${event.id}/registrations/${person.id}/link/rotate`,
    );

    const organizer = await newPerson(browser);
    const page = await organizer.newPage();
    await page.goto((await signInLink()).replace(/^https?:\/\/[^/]+/, origin()));
    await page.getByRole("navigation", { name: /organizer console/i }).waitFor();
    await page.goto(`/admin?event=${event.id}&tab=branding`);

    // A yellow accent on near-white: refused, with the nearest passing yellow offered.
    const accent = page.getByLabel("Accent colour as a hex code");
    await accent.fill("#ffd500");
    await page.getByLabel("Background colour as a hex code").fill("#fafafa");
    await page.getByRole("button", { name: "Save colours" }).click();
    await page.getByRole("alert").filter({ hasText: "These colours were not saved" }).waitFor();
    expect(await accent.getAttribute("aria-invalid")).toBe("true");
    const useThis = page.getByRole("button", { name: /^Use this: #[0-9a-f]{6} as the accent colour$/ });
    const offered = /#[0-9a-f]{6}/.exec((await useThis.getAttribute("aria-label")) ?? "")![0];
    expect(offered).not.toBe("#ffd500");
    await useThis.click();
    expect(await accent.inputValue()).toBe(offered);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("branding-accent");
    // The contrast is shown, and passes now.
    expect(await page.locator(".contrast-list [data-pass='no']").count()).toBe(0);
    await page.getByRole("button", { name: "Save colours" }).click();
    await page.getByText("The colours are saved").waitFor();

    await page.getByLabel(/^Logo file/).setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: PNG });
    await page.getByRole("button", { name: "Upload logo" }).click();
    await page.getByText("The logo is saved.").waitFor();
    await page.getByTestId("branding-logo").waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "light" });

    // The registration page: the event's background, the accent on its button, the logo in the header.
    const visitor = await (await newPerson(browser)).newPage();
    await visitor.goto(`/e/${event.slug}`);
    const logo = visitor.getByRole("banner").getByRole("img", { name: `Branded ${stamp}` });
    await logo.waitFor();
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    await expect
      .poll(() => computed(visitor, "form button[type=submit]"))
      .toEqual({ background: rgb("#fafafa"), button: rgb(offered) });
    // What the colours promise, the page keeps: no contrast (or other) problem in the branded page.
    expect(await seriousA11yViolations(visitor)).toEqual([]);

    // The portal: the same, for the person who opens their link.
    const participant = await (await newPerson(browser)).newPage();
    await enterPortal(participant, link);
    await participant
      .getByRole("banner")
      .getByRole("img", { name: `Branded ${stamp}` })
      .waitFor();
    const portal = await computed(participant, "main button, main a");
    expect(portal.background).toBe(rgb("#fafafa"));
    expect(
      await participant.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--accent").trim()),
    ).toBe(offered);
  });
});
