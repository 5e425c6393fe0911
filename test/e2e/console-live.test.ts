import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousA11yViolations } from "./support/axe";
import { adminPost, e2eEnabled, enterPortal, launchBrowser, newPerson, origin, signInLink } from "./support/browser";

const MIN = 60_000;
/** The control room's refresh period (client/src/admin/event/live/refresh.ts). */
const REFRESH_MS = 5_000;
const PERIODS = 4;
const iso = (ms: number) => new Date(ms).toISOString();

interface Created {
  id: string;
}

/**
 * The control room, as an organizer watches a live event: two participants open their links and
 * join the stage, one raises a hand; the organizer sees them online there and in total and the
 * hand waiting, the page stays the same page across refreshes on a clock the test controls, and
 * "send everyone to" the breakout moves the participants' portals.
 */
describe.skipIf(!e2eEnabled())("the console's control room", { timeout: 180_000 }, () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
  });

  async function setUp() {
    const now = Date.now();
    const tag = now.toString(36);
    const event = await adminPost<Created>("/api/admin/events", {
      slug: `control-${tag}`,
      title: "Control Day",
      timezone: "Europe/Amsterdam",
      startsAt: iso(now - 5 * MIN),
      endsAt: iso(now + 180 * MIN),
    });
    const stage = await adminPost<Created>(`/api/admin/events/${event.id}/sessions`, {
      kind: "stage",
      title: "Control stage",
      startsAt: iso(now - MIN),
      endsAt: iso(now + 170 * MIN),
    });
    // The stage's studio: raised hands need one to go to.
    await adminPost<Created>(`/api/admin/events/${event.id}/sessions`, {
      kind: "stream-room",
      title: "Control studio",
      startsAt: iso(now - MIN),
      endsAt: iso(now + 170 * MIN),
      parentSessionId: stage.id,
    });
    const breakout = await adminPost<Created>(`/api/admin/events/${event.id}/sessions`, {
      kind: "breakout",
      title: "Control breakout",
      startsAt: iso(now + 60 * MIN),
      endsAt: iso(now + 90 * MIN),
    });
    const links: string[] = [];
    for (const name of ["Ada Control", "Bram Control"]) {
      const r = await adminPost<Created>(`/api/admin/events/${event.id}/registrations`, {
        name,
        email: `${name.toLowerCase().replace(/\W+/g, ".")}.${tag}@example.com`,
      });
      links.push(
        (await adminPost<{ link: string }>(`/api/admin/events/${event.id}/registrations/${r.id}/link/rotate`)).link,
      );
    }
    return { event, stage, breakout, links };
  }

  async function participant(link: string): Promise<Page> {
    const context = await newPerson(browser);
    contexts.push(context);
    const page = await context.newPage();
    await enterPortal(page, link);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Control stage");
    await expect.poll(() => page.locator(".session-header").getAttribute("data-connected")).toBe("yes");
    return page;
  }

  it("shows who is online where and the hands waiting, stays the same page, and sends everyone on", async () => {
    const { event, stage, breakout, links } = await setUp();
    const [ada, bram] = [await participant(links[0]!), await participant(links[1]!)];
    const door = ada.getByRole("region", { name: "Raise your hand" });
    await door.getByRole("button", { name: "Raise hand" }).click();
    await expect.poll(() => door.getByRole("status").first().textContent()).toContain("Your hand is up");

    // The organizer, on a clock the test moves.
    const organizer = await newPerson(browser);
    contexts.push(organizer);
    await organizer.clock.install();
    const page = await organizer.newPage();
    await page.goto((await signInLink()).replace(/^https?:\/\/[^/]+/, origin()));
    await page.getByRole("navigation", { name: /organizer console/i }).waitFor();
    await page.goto(`/admin?event=${event.id}`);
    await page.getByRole("button", { name: "Control room" }).click();
    await page.getByRole("heading", { name: "Control room" }).waitFor();

    const row = page.locator(`tr[data-session="${stage.id}"]`);
    await expect.poll(() => row.locator('[data-figure="online"]').textContent(), { timeout: 20_000 }).toBe("2");
    expect(await row.locator('[data-figure="hands"]').textContent()).toBe("1");
    expect(await row.locator('[data-figure="video"]').textContent()).toMatch(/Local sample video/);
    expect(await page.locator('[data-figure="online"] .live-big').textContent()).toBe("2");
    expect(await page.locator('[data-figure="hands"] .live-big').textContent()).toBe("1");
    expect(await page.locator(`tr[data-session="${breakout.id}"] [data-figure="online"]`).textContent()).toBe(
      "not open",
    );
    expect(await page.getByText(/^Updated at /).count()).toBe(1);

    // Accessible in both colour schemes, and usable on a phone: nothing of the control room wider
    // than the screen but the table, which scrolls sideways in its own box.
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousA11yViolations(page)).toEqual([]);
    }
    await page.setViewportSize({ width: 390, height: 800 });
    // (The event page's row of ten tabs is wider than a phone; that is the event page's, not the control room's.)
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll("section.live, section.live *")]
        .filter((e) => !e.closest(".table-scroll") && e.getBoundingClientRect().right > 391)
        .map((e) => `${e.tagName}.${e.className}`),
    );
    expect(wide).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });

    // Left open: the same row and select elements, focus where the organizer put it, one request a period.
    await row.evaluate((el) => ((el as HTMLElement & { foyerMark?: string }).foyerMark = "the same row"));
    const target = page.getByLabel("Send everyone to", { exact: true });
    await target.selectOption({ label: "Control breakout" });
    await target.focus();
    let requests = 0;
    const count = (r: { url(): string }) => {
      if (new URL(r.url()).pathname === `/api/admin/events/${event.id}/live`) requests++;
    };
    page.on("requestfinished", count);
    for (let period = 1; period <= PERIODS; period++) {
      await page.clock.fastForward(REFRESH_MS);
      await expect.poll(() => requests).toBeGreaterThanOrEqual(period);
    }
    page.off("requestfinished", count);
    // One timer, not one more per refresh: about a request a period.
    expect(requests).toBeLessThanOrEqual(PERIODS + 2);
    expect(await row.evaluate((el) => (el as HTMLElement & { foyerMark?: string }).foyerMark)).toBe("the same row");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("live-follow-target");
    expect(await target.inputValue()).toBe(breakout.id);
    expect(await page.locator(".live-stale").count()).toBe(0);
    expect(await row.locator('[data-figure="online"]').textContent()).toBe("2");

    // Refreshes that fail: the figures stay, with a warning that they may be stale; it goes once one succeeds.
    const live = `**/api/admin/events/${event.id}/live`;
    await page.route(live, (route) => route.abort());
    await page.clock.fastForward(REFRESH_MS);
    await expect.poll(() => page.locator("[role=alert] .live-stale").count()).toBe(1);
    expect(await row.locator('[data-figure="online"]').textContent()).toBe("2");
    await page.unroute(live);
    await page.clock.fastForward(REFRESH_MS);
    await expect.poll(() => page.locator(".live-stale").count()).toBe(0);

    // Send everyone to the breakout, confirmed.
    await page.getByRole("button", { name: "Send everyone", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Send everyone to “Control breakout”?" });
    await dialog.getByRole("button", { name: "Send everyone there" }).click();
    await expect
      .poll(() => page.locator(".live-follow [role=status]").textContent())
      .toBe("Everyone was sent to “Control breakout” from 1 session.");
    // Their portals count down and take them there.
    for (const p of [ada, bram]) {
      await expect
        .poll(() => p.locator(`.follow-banner[data-follow-to="${breakout.id}"]`).count(), { timeout: 15_000 })
        .toBe(1);
    }
    for (const p of [ada, bram]) {
      await expect
        .poll(() => p.getByRole("heading", { level: 1 }).textContent(), { timeout: 30_000 })
        .toBe("Control breakout");
    }
  });
});
