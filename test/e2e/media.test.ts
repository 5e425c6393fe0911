import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { a11yViolations } from "./support/axe";
import {
  demoLink,
  e2eEnabled,
  enterPortal,
  launchBrowser,
  newPerson,
  openFromProgramme,
  origin,
} from "./support/browser";
import { playing } from "./support/video";

async function openSession(page: Page, title: string): Promise<void> {
  await openFromProgramme(page, title);
  await expect.poll(() => page.locator(`section.media[aria-label="${title}"]`).count()).toBe(1);
}

describe.skipIf(!e2eEnabled())("media in Chromium (local providers)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("plays the bundled stage sample live, muted first, and switches renditions", async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    const alerts: string[] = [];
    await enterPortal(page, await demoLink("Ada"));
    const stage = page.locator("section.stage");
    await expect.poll(() => playing(page, "section.stage video"), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => stage.getAttribute("data-status")).toBe("live");
    // Autoplay starts muted, with a clear way to turn the sound on.
    const unmute = page.getByRole("button", { name: "Turn sound on" });
    expect(await unmute.isVisible()).toBe(true);
    await unmute.click();
    await expect.poll(() => page.locator("section.stage video").evaluate((v: HTMLVideoElement) => v.muted)).toBe(false);

    const quality = page.getByLabel("Quality");
    await expect
      .poll(() => quality.locator("option").allTextContents())
      .toEqual([expect.stringMatching(/^Auto/), "360p", "160p"]);
    await quality.selectOption("160p");
    await expect.poll(() => stage.getAttribute("data-quality")).toBe("160p");
    await expect
      .poll(() => page.locator("section.stage video").evaluate((v: HTMLVideoElement) => v.videoHeight), {
        timeout: 20_000,
      })
      .toBe(160);
    await quality.selectOption("360p");
    await expect
      .poll(() => page.locator("section.stage video").evaluate((v: HTMLVideoElement) => v.videoHeight), {
        timeout: 20_000,
      })
      .toBe(360);
    expect(await playing(page, "section.stage video")).toBe(true);
    // Participants see no latency readout, and the offline telemetry failure shows no error.
    expect(await page.locator(".stage-latency").count()).toBe(0);
    // Live regions stand ready empty (an invitation toast's, say); only one with words is an error shown.
    for (const alert of await page.getByRole("alert").allTextContents()) if (alert.trim()) alerts.push(alert);
    expect(alerts).toEqual([]);
    expect(await page.locator(".stage-overlay").count()).toBe(0);
    expect(await a11yViolations(page, { selector: "section.stage", all: true })).toEqual([]);
    await context.close();
  });

  it("plays again by itself when the stage's media comes back after a network problem", {
    timeout: 150_000,
  }, async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    await enterPortal(page, await demoLink("Ada"));
    const stage = page.locator("section.stage");
    await expect.poll(() => playing(page, "section.stage video"), { timeout: 30_000 }).toBe(true);
    // The playlists and segments stop arriving (a flaky connection; the live connection stays up).
    const cut = (route: import("playwright-core").Route) => route.abort("connectionreset");
    await page.route(/\/media\/sample\//, cut);
    await expect
      .poll(() => stage.locator(".stage-overlay").textContent(), { timeout: 60_000 })
      .toContain("network problem");
    // They come back: nobody clicks anything, and the picture moves again.
    await page.unroute(/\/media\/sample\//, cut);
    await expect.poll(() => playing(page, "section.stage video"), { timeout: 45_000 }).toBe(true);
    expect(await stage.locator(".stage-overlay").count()).toBe(0);
    await context.close();
  });

  it("serves the sample's segments as MPEG-TS under their .m2ts names", async () => {
    // .m2ts, not .ts: TypeScript tools would take the segments for source.
    const res = await fetch(`${origin()}/media/sample/160p_00.m2ts`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("video/mp2t");
    const playlist = await (await fetch(`${origin()}/api/media/sample/160p.m3u8`)).text();
    expect(playlist).toMatch(/^\/media\/sample\/160p_0\d\.m2ts$/m);
  });

  it("shows moderators the stage latency", async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    await enterPortal(page, await demoLink("Mia"));
    await expect.poll(() => playing(page, "section.stage video"), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.locator(".stage-latency").textContent()).toMatch(/^Latency/);
    await context.close();
  });

  it("holds a breakout call between two people, with screen sharing", async () => {
    // One at a time: the first demo seeding must not race itself.
    const links = [await demoLink("Ada"), await demoLink("Chlo")];
    const people = await Promise.all(
      links.map(async (link) => {
        const context = await newPerson(browser);
        const page = await context.newPage();
        await enterPortal(page, link);
        await openSession(page, "Breakout: design critique");
        await page.getByRole("button", { name: "Join call" }).click();
        return { context, page };
      }),
    );
    const [ada, chloe] = people as [(typeof people)[0], (typeof people)[0]];
    const remoteCamera = 'section.call .call-tile[data-local="no"][data-kind="camera"] video';
    for (const { page } of people) {
      await expect.poll(() => page.locator(".call-tile").count(), { timeout: 20_000 }).toBe(2);
      await expect.poll(() => playing(page, remoteCamera), { timeout: 20_000 }).toBe(true);
    }
    expect(await ada.page.locator(".call-tile figcaption").allTextContents()).toEqual([
      expect.stringMatching(/^Ada Lovelace \(you\)/),
      expect.stringMatching(/^Chloé Martin/),
    ]);
    // Chromium's fake microphone beeps: someone is always the active speaker.
    await expect.poll(() => chloe.page.locator('.call-tile[data-speaking="yes"]').count(), { timeout: 10_000 }).toBe(1);

    await ada.page.getByRole("button", { name: "Devices" }).click();
    await expect.poll(() => ada.page.getByLabel("Camera").locator("option").count()).toBeGreaterThan(0);
    expect(await a11yViolations(ada.page, { selector: "section.call", all: true })).toEqual([]);

    // Mute shows up for the other person.
    await ada.page.getByRole("button", { name: "Mute" }).click();
    await expect.poll(() => chloe.page.locator('.call-tile[data-local="no"] .call-tile-muted').count()).toBe(1);

    await ada.page.getByRole("button", { name: "Share screen" }).click();
    const remoteScreen = 'section.call .call-tile[data-local="no"][data-kind="screen"] video';
    await expect.poll(() => playing(chloe.page, remoteScreen), { timeout: 20_000 }).toBe(true);
    expect(await chloe.page.locator(".call-stage").getAttribute("data-layout")).toBe("presentation");
    expect(await chloe.page.locator(".call-main .call-tile figcaption").textContent()).toBe("Screen of Ada Lovelace");
    const sizes = await chloe.page.evaluate(() => {
      const width = (sel: string) => document.querySelector(sel)!.getBoundingClientRect().width;
      return { screen: width(".call-main .call-tile"), camera: width('.call-grid .call-tile[data-local="no"]') };
    });
    expect(sizes.screen).toBeGreaterThan(sizes.camera);

    if (process.env.FOYER_E2E_SCREENSHOTS)
      await chloe.page.screenshot({ path: `${process.env.FOYER_E2E_SCREENSHOTS}/call-share.png`, fullPage: true });
    await ada.page.getByRole("button", { name: "Stop sharing" }).click();
    await expect.poll(() => chloe.page.locator('.call-tile[data-kind="screen"]').count(), { timeout: 10_000 }).toBe(0);

    await chloe.page.getByRole("button", { name: "Leave" }).click();
    await expect.poll(() => ada.page.locator(".call-tile").count(), { timeout: 10_000 }).toBe(1);

    // Back to the stage: the player follows the stage's own socket and its live status.
    await openSession(chloe.page, "Main stage: opening and keynote");
    await expect.poll(() => playing(chloe.page, "section.stage video"), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => chloe.page.locator("section.stage").getAttribute("data-status")).toBe("live");
    await Promise.all(people.map(({ context }) => context.close()));
  });
});
