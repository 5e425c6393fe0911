import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousA11yViolations } from "./support/axe";
import { adminPost, e2eEnabled, launchBrowser, newPerson, origin, signInLink } from "./support/browser";

/**
 * The console's media tab in local mode (the default, no AWS): each stage shows the local HLS
 * URL it plays and says no encoder is needed, with a clear local status; copying works by
 * keyboard and says so; there is no stream key to reveal.
 */
describe.skipIf(!e2eEnabled())("the console's media tab (local mode)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows each stage's local HLS URL and status, and copies it by keyboard", async () => {
    const demo = (await adminPost<{ event: { id: string } }>("/api/admin/demo")).event;
    const owner = await newPerson(browser);
    await owner.grantPermissions(["clipboard-read", "clipboard-write"], { origin: origin() });
    const page = await owner.newPage();
    await page.goto((await signInLink()).replace(/^https?:\/\/[^/]+/, origin()));
    await page.getByRole("navigation", { name: /organizer console/i }).waitFor();
    await page.goto(`/admin?event=${demo.id}&tab=media`);
    await page.getByRole("heading", { name: "Stage video" }).waitFor();

    const card = page.locator("section.stage-media").first();
    await card.waitFor();
    const url = card.getByRole("textbox", { name: "Local HLS URL the stage plays" });
    await expect.poll(() => url.inputValue()).toMatch(/^https?:\/\/[^/]+\/api\/media\/sample\/master\.m3u8$/);
    expect(await card.getByText(/No encoder is needed/).count()).toBe(1);
    await expect.poll(() => card.locator(".media-status-line").textContent()).toBe("Local sample: always playing.");
    // No key exists locally, so none is offered.
    expect(await card.getByRole("button", { name: /stream key/i }).count()).toBe(0);

    // The URL plays: the local sample answers as a live HLS playlist.
    const playlist = await page.request.get(await url.inputValue());
    expect(playlist.status()).toBe(200);
    expect(await playlist.text()).toContain("#EXTM3U");

    // By keyboard: from the field, Tab reaches its copy button, Enter copies and says so.
    await url.focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
      "Copy Local HLS URL the stage plays",
    );
    await page.keyboard.press("Enter");
    await expect
      .poll(() => card.locator(".media-copy-status").first().textContent())
      .toBe("Local HLS URL the stage plays copied.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await url.inputValue());

    expect(await seriousA11yViolations(page)).toEqual([]);
    // Usable on a phone: nothing of the tab reaches past the screen's edge.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.querySelectorAll('[aria-labelledby="media-heading"] *')]
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
            .map((el) => `${el.tagName}.${el.className}`),
        ),
      )
      .toEqual([]);
    await owner.close();
  });
});
