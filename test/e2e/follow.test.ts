import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEND_FRESH_MS } from "../../durable-objects/session/protocol/nav";
import { adminPost, e2eEnabled, launchBrowser, newPerson } from "./support/browser";

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

interface Created {
  id: string;
}

/**
 * Issue 11, "send everyone" and follow my programme, on clocks the test controls: each event is
 * its own, so its programme can be shaped for the case at hand.
 */
describe.skipIf(!e2eEnabled())("send everyone and follow my programme", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
  const banner = (page: Page) => page.locator(".follow-banner");

  /** An event with a live stage and a breakout that starts in an hour; `people` registered with their roles. */
  async function setUp(people: { name: string; role?: "moderator" }[]) {
    const now = Date.now();
    const event = await adminPost<Created>("/api/admin/events", {
      slug: `follow-${now.toString(36)}-${Math.random().toString(36).slice(2, 6)}`,
      title: "Follow Day",
      timezone: "Europe/Amsterdam",
      startsAt: iso(now - 5 * MIN),
      endsAt: iso(now + 180 * MIN),
    });
    const stage = await adminPost<Created>(`/api/admin/events/${event.id}/sessions`, { kind: "stage", title: "Follow stage", startsAt: iso(now - MIN), endsAt: iso(now + 170 * MIN) });
    const breakout = await adminPost<Created>(`/api/admin/events/${event.id}/sessions`, { kind: "breakout", title: "Follow breakout", startsAt: iso(now + 60 * MIN), endsAt: iso(now + 90 * MIN) });
    const links: Record<string, string> = {};
    for (const p of people) {
      const r = await adminPost<Created>(`/api/admin/events/${event.id}/registrations`, { name: p.name, email: `${p.name.toLowerCase().replace(/\W+/g, ".")}.${now}@example.com`, role: p.role ?? "participant" });
      links[p.name] = (await adminPost<{ link: string }>(`/api/admin/events/${event.id}/registrations/${r.id}/link/rotate`)).link;
    }
    return { event, stage, breakout, links };
  }

  /**
   * Time on the server as the portal sees it: the programme's `now`, which the portal syncs its
   * clock to every minute. Moving it with the page's fake clock lets minutes pass for both.
   */
  interface ServerClock {
    skewMs: number;
  }

  /** Opens a personal link in a fresh profile (its clock installed when asked), past the tech check. */
  async function enter(link: string, clock = false, server?: ServerClock): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newPerson(browser);
    if (clock) await context.clock.install();
    if (server) {
      await context.route("**/api/me/programme", async (route) => {
        const response = await route.fetch();
        const body = (await response.json()) as { now: string };
        await route.fulfill({ response, json: { ...body, now: iso(Date.parse(body.now) + server.skewMs) } });
      });
    }
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole("button", { name: "Skip the check" }).click();
    await page.getByRole("button", { name: "Skip anyway" }).click();
    await page.locator('[data-portal-page="session"], [data-portal-page="programme"]').first().waitFor();
    return { context, page };
  }

  async function open(page: Page, title: string) {
    await page.getByRole("link", { name: "Programme", exact: true }).click();
    await page.getByRole("link", { name: `Open: ${title}` }).click();
    await expect.poll(() => heading(page)).toBe(title);
    await expect.poll(() => page.locator(".session-header").getAttribute("data-connected")).toBe("yes");
  }

  it("moves everyone when a moderator sends them to the session that is also the programme's current target", async () => {
    const { stage, links } = await setUp([{ name: "Nora Follow" }, { name: "Mo Follow", role: "moderator" }]);
    const nora = await enter(links["Nora Follow"]!, true);
    // Follow lands her on the live stage; she goes ahead to the breakout's room before it starts.
    await expect.poll(() => heading(nora.page)).toBe("Follow stage");
    await open(nora.page, "Follow breakout");
    expect(await banner(nora.page).count()).toBe(0);

    const mo = await enter(links["Mo Follow"]!);
    await open(mo.page, "Follow breakout");
    await mo.page.getByLabel("Send everyone here to").selectOption({ label: "Follow stage" });
    await mo.page.getByRole("button", { name: "Send everyone" }).click();
    await expect.poll(() => mo.page.locator(".send-everyone [role=status]").textContent()).toContain("Everyone here is being sent to Follow stage.");

    // The stage is where her programme says she should be, and she has seen it; the send is still
    // news to her: a banner, a countdown, and then she is there.
    await expect.poll(() => nora.page.locator(`.follow-banner[data-reason="moderator"][data-follow-to="${stage.id}"]`).count()).toBe(1);
    expect(await banner(nora.page).getByRole("status").textContent()).toBe("The moderator is sending everyone to Follow stage.");
    await nora.page.clock.fastForward(11_000);
    await expect.poll(() => heading(nora.page)).toBe("Follow stage");
    await mo.context.close();
    await nora.context.close();
  });

  it("gives the moderator the send control back once a send is history, without taking it back", async () => {
    const { links } = await setUp([{ name: "Mo Stale", role: "moderator" }]);
    const server: ServerClock = { skewMs: 0 };
    const mo = await enter(links["Mo Stale"]!, true, server);
    await open(mo.page, "Follow breakout");
    const control = mo.page.getByLabel("Send everyone here to");
    const notice = mo.page.locator(".send-everyone [role=status]");
    await control.selectOption({ label: "Follow stage" });
    await mo.page.getByRole("button", { name: "Send everyone" }).click();
    await expect.poll(() => notice.textContent()).toContain("Everyone here is being sent to Follow stage.");
    expect(await control.count()).toBe(0);

    // Two minutes and a bit later (on the server's clock too), the send is history: the notice goes,
    // the control is back, and the moderator is still where they sent everyone from.
    server.skewMs = SEND_FRESH_MS + 5_000;
    await mo.page.clock.fastForward(SEND_FRESH_MS + 5_000);
    await expect.poll(() => control.count()).toBe(1);
    expect(await notice.count()).toBe(0);
    expect(await heading(mo.page)).toBe("Follow breakout");
    await mo.context.unrouteAll({ behavior: "ignoreErrors" });
    await mo.context.close();
  });
});
