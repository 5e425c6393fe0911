import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousA11yViolations } from "./support/axe";
import { adminPost, e2eEnabled, launchBrowser, newPerson } from "./support/browser";

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

interface Created {
  id: string;
}

/**
 * Issue 7's whole journey for one participant, on a clock the test controls: the organizer moves
 * sessions (admin API), and the browser's clock is fast-forwarded past the portal's programme
 * refresh and the follow countdown instead of waiting for them.
 */
describe.skipIf(!e2eEnabled())("a participant's day, followed automatically", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function setUp() {
    const now = Date.now();
    const event = await adminPost<Created>("/api/admin/events", {
      slug: `journey-${now.toString(36)}`,
      title: "Journey Day",
      timezone: "Europe/Amsterdam",
      startsAt: iso(now - MIN),
      endsAt: iso(now + 180 * MIN),
    });
    const stage = await adminPost<Created>(`/api/admin/events/${event.id}/sessions`, {
      kind: "stage",
      title: "Journey stage",
      startsAt: iso(now + 60 * MIN),
      endsAt: iso(now + 170 * MIN),
    });
    const breakout = await adminPost<Created>(`/api/admin/events/${event.id}/sessions`, {
      kind: "breakout",
      title: "Journey breakout",
      startsAt: iso(now + 90 * MIN),
      endsAt: iso(now + 100 * MIN),
    });
    const nora = await adminPost<Created>(`/api/admin/events/${event.id}/registrations`, {
      name: "Nora Journey",
      email: `nora.${now}@example.com`,
    });
    const { link } = await adminPost<{ link: string }>(
      `/api/admin/events/${event.id}/registrations/${nora.id}/link/rotate`,
    );
    // The organizer changes the programme during the event; the portal picks it up on its next
    // refresh, which the test reaches by fast-forwarding the browser's clock a minute.
    const reschedule = async (session: Created, times: { startsAt?: number; endsAt?: number }) => {
      await adminPost(
        `/api/admin/events/${event.id}/sessions/${session.id}`,
        {
          ...(times.startsAt ? { startsAt: iso(times.startsAt) } : {}),
          ...(times.endsAt ? { endsAt: iso(times.endsAt) } : {}),
        },
        "PATCH",
      );
    };
    return { event, stage, breakout, link, reschedule, now };
  }

  const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
  const banner = (page: Page) => page.locator(".follow-banner");

  it("tech check, programme, into the stage when it starts, react and chat, into a breakout and back", async () => {
    const { stage, breakout, link, reschedule } = await setUp();
    const context = await newPerson(browser);
    await context.clock.install();
    const page = await context.newPage();
    await page.goto(link);

    // The tech check, with Chromium's fake camera and microphone.
    await expect.poll(() => heading(page)).toBe("Quick tech check");
    await expect.poll(() => page.locator('[data-check="camera"]').getAttribute("data-verdict")).toBe("pass");
    await page.locator('[data-check="network"]:not([data-verdict="running"])').waitFor({ timeout: 20_000 });
    await page.getByRole("button", { name: "Play test sound" }).click();
    await page.getByRole("button", { name: "I heard it" }).click();
    await page.getByRole("button", { name: "Continue to the event" }).click();

    // Nothing is live yet: the programme, in her time zone and the event's.
    await expect.poll(() => heading(page)).toBe("Hello Nora Journey");
    const rows = page.locator(".programme-item");
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain("Journey stage");
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The stage starts: a countdown, then she is in it without doing anything.
    await reschedule(stage, { startsAt: Date.now() - 1000 });
    await page.clock.fastForward(61_000);
    await expect.poll(() => banner(page).getAttribute("data-follow-to")).toBe(stage.id);
    expect(await banner(page).getByRole("status").textContent()).toBe(
      "Journey stage is starting. We are taking you there.",
    );
    await page.clock.fastForward(11_000);
    await expect.poll(() => heading(page)).toBe("Journey stage");
    await expect.poll(() => page.locator(".session-header").getAttribute("data-connected")).toBe("yes");

    // She reacts and chats.
    await page.getByRole("button", { name: "Send applause" }).click();
    await expect.poll(() => page.locator(".floater").count()).toBeGreaterThan(0);
    await page.getByRole("textbox", { name: "Message" }).fill("Hello from the journey");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect.poll(() => page.getByRole("log").textContent()).toContain("Hello from the journey");

    // She looks at her programme during the talk: nothing pulls her back while nothing changes.
    await page.getByRole("link", { name: "Programme", exact: true }).click();
    await expect.poll(() => heading(page)).toBe("Hello Nora Journey");
    await page.clock.fastForward(15_000);
    expect(await banner(page).count()).toBe(0);
    expect(await heading(page)).toBe("Hello Nora Journey");

    // A breakout starts during the stage: she follows it.
    await reschedule(breakout, { startsAt: Date.now() - 1000, endsAt: Date.now() + 30 * MIN });
    await page.clock.fastForward(61_000);
    await expect.poll(() => banner(page).getAttribute("data-follow-to")).toBe(breakout.id);
    await page.clock.fastForward(11_000);
    await expect.poll(() => heading(page)).toBe("Journey breakout");
    await expect.poll(() => page.getByRole("button", { name: "Join call" }).count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The breakout ends: back to the stage.
    await reschedule(breakout, { endsAt: Date.now() - 1000 });
    await page.clock.fastForward(61_000);
    await expect.poll(() => banner(page).getAttribute("data-reason")).toBe("ended");
    await page.clock.fastForward(11_000);
    await expect.poll(() => heading(page)).toBe("Journey stage");
    await context.close();
  });

  it("lets her stay, and lands a reload or a second device where she should be", async () => {
    const { stage, link, reschedule } = await setUp();
    const context = await newPerson(browser);
    await context.clock.install();
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole("button", { name: "Skip the check" }).click();
    await page.getByRole("button", { name: "Skip anyway" }).click();
    await expect.poll(() => heading(page)).toBe("Hello Nora Journey");

    await reschedule(stage, { startsAt: Date.now() - 1000 });
    await page.clock.fastForward(61_000);
    await banner(page).waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => banner(page).count()).toBe(0);
    await page.clock.fastForward(11_000);
    expect(await heading(page)).toBe("Hello Nora Journey");

    // Another device (same link): it lands straight in the live stage.
    const phone = await newPerson(browser);
    const second = await phone.newPage();
    await second.goto(link);
    await expect.poll(() => heading(second)).toBe("Journey stage");
    await phone.close();
    await context.close();
  });

  it("does not pull her out of a one-to-one chat when a session starts: it proposes, she chooses", async () => {
    const { event, stage, link, reschedule, now } = await setUp();
    const otto = await adminPost<Created>(`/api/admin/events/${event.id}/registrations`, {
      name: "Otto Journey",
      email: `otto.${now}@example.com`,
    });
    const ottoLink = (
      await adminPost<{ link: string }>(`/api/admin/events/${event.id}/registrations/${otto.id}/link/rotate`)
    ).link;
    const skipCheck = async (page: Page, url: string) => {
      await page.goto(url);
      await page.getByRole("button", { name: "Skip the check" }).click();
      await page.getByRole("button", { name: "Skip anyway" }).click();
    };

    const context = await newPerson(browser);
    await context.clock.install();
    const page = await context.newPage();
    await skipCheck(page, link);
    await expect.poll(() => heading(page)).toBe("Hello Nora Journey");
    // She lists herself in the directory, so Otto can find her.
    await page.getByRole("link", { name: "People", exact: true }).click();
    await page.getByLabel("Show me in the directory").check();
    await expect.poll(() => page.getByLabel("Show me in the directory").isChecked()).toBe(true);

    const ottoContext = await newPerson(browser);
    const ottoPage = await ottoContext.newPage();
    await skipCheck(ottoPage, ottoLink);
    await expect.poll(() => heading(ottoPage)).toBe("Hello Otto Journey");
    await ottoPage.getByRole("link", { name: "People", exact: true }).click();
    await ottoPage.getByRole("button", { name: "Invite Nora Journey to a one-to-one video chat" }).click();
    await page.getByRole("button", { name: /^Accept the invitation from Otto Journey/ }).click();
    await expect.poll(() => page.locator("#one-to-one-heading").textContent()).toBe("One-to-one with Otto Journey");

    // The stage starts: the banner proposes it, but no countdown moves her out of the chat.
    await reschedule(stage, { startsAt: Date.now() - 1000 });
    await page.clock.fastForward(61_000);
    await expect.poll(() => banner(page).getAttribute("data-follow-to")).toBe(stage.id);
    expect(await banner(page).locator(".follow-countdown").textContent()).toBe(
      "You are in a 1:1 chat: nothing moves until you choose.",
    );
    await page.clock.fastForward(15_000);
    expect(await page.locator('[data-portal-page="people"]').count()).toBe(1);
    expect(await page.locator("section.one-to-one").count()).toBe(1);
    // She chooses to go: the chat stays with her on the stage page.
    await banner(page).getByRole("button", { name: "Go now" }).click();
    await expect.poll(() => heading(page)).toBe("Journey stage");
    expect(await page.locator("section.one-to-one").count()).toBe(1);
    await ottoContext.close();
    await context.close();
  });
});
