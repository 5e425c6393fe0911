import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEND_FRESH_MS } from "../../core/protocol/nav";
import { seriousA11yViolations } from "./support/axe";
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
    const stage = await adminPost<Created>(`/api/admin/events/${event.id}/sessions`, {
      kind: "stage",
      title: "Follow stage",
      startsAt: iso(now - MIN),
      endsAt: iso(now + 170 * MIN),
    });
    const breakout = await adminPost<Created>(`/api/admin/events/${event.id}/sessions`, {
      kind: "breakout",
      title: "Follow breakout",
      startsAt: iso(now + 60 * MIN),
      endsAt: iso(now + 90 * MIN),
    });
    const links: Record<string, string> = {};
    for (const p of people) {
      const r = await adminPost<Created>(`/api/admin/events/${event.id}/registrations`, {
        name: p.name,
        email: `${p.name.toLowerCase().replace(/\W+/g, ".")}.${now}@example.com`,
        role: p.role ?? "participant",
      });
      links[p.name] = (
        await adminPost<{ link: string }>(`/api/admin/events/${event.id}/registrations/${r.id}/link/rotate`)
      ).link;
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
  async function enter(
    link: string,
    clock = false,
    server?: ServerClock,
  ): Promise<{ context: BrowserContext; page: Page }> {
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
    await expect
      .poll(() => mo.page.locator(".send-everyone [role=status]").textContent())
      .toContain("Everyone here is being sent to Follow stage.");

    // The stage is where her programme says she should be, and she has seen it; the send is still
    // news to her: a banner, a countdown, and then she is there.
    await expect
      .poll(() => nora.page.locator(`.follow-banner[data-reason="moderator"][data-follow-to="${stage.id}"]`).count())
      .toBe(1);
    expect(await banner(nora.page).getByRole("status").textContent()).toBe("Everyone is being sent to Follow stage.");
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

  /**
   * Two selectable breakouts at the same time, starting in an hour, during a live stage. Ids are
   * random: `loser` is the one the old rule (the id that sorts last) never sent anyone to.
   */
  async function setUpParallel() {
    const { event, stage } = await setUp([]);
    const now = Date.now();
    const create = (title: string) =>
      adminPost<Created>(`/api/admin/events/${event.id}/sessions`, {
        kind: "breakout",
        title,
        startsAt: iso(now + 60 * MIN),
        endsAt: iso(now + 90 * MIN),
        selectable: true,
      });
    const one = { ...(await create("Edge talk")), title: "Edge talk" };
    const two = { ...(await create("Critique talk")), title: "Critique talk" };
    const [loser, winner] = [one, two].sort((a, b) => a.id.localeCompare(b.id));
    const person = async (name: string, selections: string[]) => {
      const r = await adminPost<Created>(`/api/admin/events/${event.id}/registrations`, {
        name,
        email: `${name.toLowerCase().replace(/\W+/g, ".")}.${now}@example.com`,
        selections,
      });
      return (await adminPost<{ link: string }>(`/api/admin/events/${event.id}/registrations/${r.id}/link/rotate`))
        .link;
    };
    // Both start now: the portal picks that up on its next programme refresh.
    const startBoth = async () => {
      for (const s of [one, two]) {
        await adminPost(
          `/api/admin/events/${event.id}/sessions/${s.id}`,
          { startsAt: iso(Date.now() - 1000), endsAt: iso(Date.now() + 30 * MIN) },
          "PATCH",
        );
      }
    };
    return { stage, loser: loser!, winner: winner!, person, startBoth };
  }

  it("takes each person to the parallel session they selected, or asks, remembers the answer and shows it in the programme", async () => {
    const { loser, winner, person, startBoth } = await setUpParallel();
    const picked = await enter(await person("Pia Picked", [loser.id]), true);
    const unaLink = await person("Una Undecided", []);
    const una = await enter(unaLink, true);
    for (const p of [picked, una]) await expect.poll(() => heading(p.page)).toBe("Follow stage");

    await startBoth();
    await picked.page.clock.fastForward(61_000);
    await una.page.clock.fastForward(61_000);

    // Pia selected it on the form: she is taken there, whatever its id.
    await expect.poll(() => picked.page.locator(`.follow-banner[data-follow-to="${loser.id}"]`).count()).toBe(1);
    await picked.page.clock.fastForward(11_000);
    await expect.poll(() => heading(picked.page)).toBe(loser.title);

    // Una selected neither: she is asked, and nothing moves her meanwhile.
    const prompt = una.page.locator(".follow-select");
    await expect.poll(() => prompt.count()).toBe(1);
    expect(await prompt.getByRole("status").textContent()).toBe(
      "These sessions run at the same time. Which one would you like to join?",
    );
    expect(await una.page.locator(".follow-banner[data-follow-to]").count()).toBe(0);
    expect(await seriousA11yViolations(una.page)).toEqual([]);
    await una.page.clock.fastForward(15_000);
    expect(await heading(una.page)).toBe("Follow stage");
    // She answers with the keyboard; the answer takes her there at once.
    await prompt.getByRole("button", { name: `Join ${loser.title}` }).press("Enter");
    await expect.poll(() => heading(una.page)).toBe(loser.title);
    expect(await prompt.count()).toBe(0);

    // Her programme shows the choice, and offers the other one instead.
    await una.page.getByRole("link", { name: "Programme", exact: true }).click();
    const row = (id: string) => una.page.locator(`.programme-item[data-session-id="${id}"]`);
    await expect.poll(() => row(loser.id).locator(".badge-selected").textContent()).toBe("Your choice");
    expect(await row(loser.id).textContent()).toContain(`At the same time as ${winner.title}`);
    expect(
      await row(winner.id)
        .getByRole("button", { name: `Choose this one: ${winner.title}` })
        .count(),
    ).toBe(1);
    expect(await seriousA11yViolations(una.page)).toEqual([]);

    // Remembered on the server: her phone lands in the same breakout, without asking.
    const phone = await newPerson(browser);
    const second = await phone.newPage();
    await second.goto(unaLink);
    await expect.poll(() => heading(second)).toBe(loser.title);
    expect(await second.locator(".follow-select").count()).toBe(0);

    // She changes her mind in the programme: the choice moves to the other one.
    await row(winner.id)
      .getByRole("button", { name: `Choose this one: ${winner.title}` })
      .click();
    await expect.poll(() => row(winner.id).locator(".badge-selected").count()).toBe(1);
    expect(
      await row(loser.id)
        .getByRole("button", { name: `Choose this one: ${loser.title}` })
        .count(),
    ).toBe(1);
    await phone.close();
    await picked.context.close();
    await una.context.close();
  });

  it("the demo's registration form offers its two parallel breakouts", async () => {
    await adminPost("/api/admin/demo");
    const context = await newPerson(browser);
    const page = await context.newPage();
    await page.goto("/e/demo");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Foyer Demo Day");
    const sessions = page.getByRole("group", { name: "Sessions you would like to join" });
    await expect.poll(() => sessions.getByRole("checkbox").count()).toBe(2);
    expect(await sessions.getByRole("checkbox", { name: /^Breakout: building for the edge/ }).count()).toBe(1);
    expect(await sessions.getByRole("checkbox", { name: /^Breakout: design critique/ }).count()).toBe(1);
    await context.close();
  });
});
