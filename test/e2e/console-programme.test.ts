import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localInput } from "../../client/src/admin/event/programme/timeline";
import { seriousA11yViolations } from "./support/axe";
import { adminPost, e2eEnabled, enterPortal, launchBrowser, newPerson, origin, signInLink } from "./support/browser";

const MIN = 60_000;
const HOUR = 60 * MIN;
const TZ = "Europe/Amsterdam";
const iso = (ms: number) => new Date(ms).toISOString();
type Created = { id: string };

/**
 * The console's programme, as an organizer uses it: add a stage and a VIP breakout, see whom the
 * breakout's rule reaches, move the breakout by keyboard into the stage (a clash is pointed out)
 * and by drag out of it again, and the VIP participant's portal programme follows.
 */
describe.skipIf(!e2eEnabled())("the console's programme", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("an organizer plans a stage and a VIP breakout, moves it by keyboard and drag, and the portal follows", async () => {
    const stamp = Date.now().toString(36);
    // Tomorrow, on the hour: nothing has started, so every session can still move.
    const start = Math.ceil((Date.now() + 26 * HOUR) / HOUR) * HOUR;
    const event = await adminPost<Created>("/api/admin/events", {
      slug: `programme-${stamp}`,
      title: "Programme Day",
      timezone: TZ,
      startsAt: iso(start),
      endsAt: iso(start + 4 * HOUR),
      languages: ["en", "nl"],
      fields: [{ kind: "choice", key: "ticket", label: "Ticket", required: true, options: ["vip", "standard"] }],
    });
    const links: Record<string, string> = {};
    for (const [name, ticket] of [
      ["Vera", "vip"],
      ["Stan", "standard"],
    ] as const) {
      const r = await adminPost<Created>(`/api/admin/events/${event.id}/registrations`, {
        name,
        email: `${name.toLowerCase()}.${stamp}@example.com`,
        attributes: { ticket },
      });
      links[name] = (
        await adminPost<{ link: string }>(`/api/admin/events/${event.id}/registrations/${r.id}/link/rotate`, {
          sendInvitation: false,
        })
      ).link;
    }

    const organizer = await newPerson(browser);
    const page = await organizer.newPage();
    await page.goto((await signInLink()).replace(/^https?:\/\/[^/]+/, origin()));
    await page.getByRole("navigation", { name: /organizer console/i }).waitFor();
    await page.goto(`/admin?event=${event.id}&tab=programme`);
    await page.getByRole("heading", { name: "Programme", exact: true }).waitFor();
    await page.getByText("This event has no sessions yet", { exact: false }).waitFor();

    const addSession = async (o: { kind: string; en: string; nl: string; from: number; to: number }) => {
      await page.getByRole("button", { name: "Add a session" }).click();
      await page.getByRole("heading", { name: "New session" }).waitFor();
      await page.getByLabel("Kind of session").selectOption(o.kind);
      await page.getByLabel("Title in English").fill(o.en);
      await page.getByLabel("Title in Dutch").fill(o.nl);
      await page.getByLabel(`Starts (${TZ})`).fill(localInput(start + o.from * MIN, TZ));
      await page.getByLabel(`Ends (${TZ})`).fill(localInput(start + o.to * MIN, TZ));
    };
    const status = page.locator(".pg-status");

    await addSession({ kind: "stage", en: "Opening stage", nl: "Openingspodium", from: 0, to: 60 });
    await page.getByRole("button", { name: "Add session", exact: true }).click();
    await expect.poll(() => status.textContent()).toBe("Opening stage is added to the programme.");

    await addSession({ kind: "breakout", en: "VIP breakout", nl: "VIP-breakout", from: 60, to: 105 });
    const reach = page.locator(".pg-reach");
    await expect.poll(() => reach.textContent()).toBe("Reaches 2 of 2 registered");
    await page.getByRole("radio", { name: "People whose answers meet conditions" }).check();
    await expect.poll(() => reach.textContent()).toMatch(/Choose at least one answer/);
    await page.getByRole("checkbox", { name: "vip" }).check();
    await expect.poll(() => reach.textContent()).toBe("Reaches 1 of 2 registered");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Add session", exact: true }).click();
    await expect.poll(() => status.textContent()).toBe("VIP breakout is added to the programme.");

    const breakout = page.locator(".pg-block", { hasText: "VIP breakout" });
    const overlap = page.locator('.pg-problems li[data-problem="overlap"]');
    expect(await overlap.count()).toBe(0);
    // The saved block has the focus: the keyboard moves it 5 minutes at a time into the stage.
    await expect.poll(() => breakout.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => overlap.count()).toBe(1);
    // The block keeps the focus, so the next press moves it again: 10 minutes into the stage.
    expect(await breakout.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("ArrowLeft");
    expect(await overlap.textContent()).toMatch(/Opening stage and VIP breakout run at the same time/);
    expect(await breakout.getAttribute("class")).toMatch(/pg-trouble/);
    // Its name, as a screen reader says it, carries the kind and the problem.
    expect(await page.getByRole("button", { name: /^VIP breakout \(Breakout\) .+ 1 problem$/ }).count()).toBe(1);
    // The warning colours hold their contrast in light and dark.
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "light" });

    // Dragged 35 minutes later (140 px; an hour is 240 px): from 0:50 to 1:25, out of the stage again, saved at once.
    const box = (await breakout.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 70, y, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2 + 140, y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => overlap.count()).toBe(0);
    expect(await page.getByRole("heading", { name: "New session" }).count()).toBe(0);
    // Wait for the save to land before looking from the portal.
    await expect
      .poll(async () => {
        const res = await page.request.get(`/api/admin/events/${event.id}/sessions`);
        const { items } = (await res.json()) as { items: { title: unknown; startsAt: string }[] };
        return items.find((s) => JSON.stringify(s.title).includes("VIP breakout"))?.startsAt;
      })
      .toBe(iso(start + 85 * MIN));

    // Vera (VIP) has the breakout at its new time; Stan does not have it at all.
    const expectProgramme = async (name: string, want: Record<string, string | undefined>) => {
      const person = await newPerson(browser);
      const portal: Page = await person.newPage();
      await enterPortal(portal, links[name]!);
      await portal.getByRole("link", { name: /^(Programme|Programma)$/ }).click();
      await portal.locator(".programme-item").first().waitFor();
      for (const [title, startsAt] of Object.entries(want)) {
        const item = portal.locator(".programme-item", { hasText: title });
        if (startsAt === undefined) expect(await item.count(), `${name}: ${title}`).toBe(0);
        else expect(await item.locator("time").getAttribute("datetime"), `${name}: ${title}`).toBe(startsAt);
      }
      await person.close();
    };
    await expectProgramme("Vera", { "Opening stage": iso(start), "VIP breakout": iso(start + 85 * MIN) });
    await expectProgramme("Stan", { "Opening stage": iso(start), "VIP breakout": undefined });
    await organizer.close();
  });

  it("an organizer removes a session through its confirm dialog, and it stays gone after a reload", async () => {
    const stamp = Date.now().toString(36);
    const start = Math.ceil((Date.now() + 26 * HOUR) / HOUR) * HOUR;
    const event = await adminPost<Created>("/api/admin/events", {
      slug: `programme-del-${stamp}`,
      title: "Programme Removal",
      timezone: TZ,
      startsAt: iso(start),
      endsAt: iso(start + 4 * HOUR),
    });
    for (const [title, from] of [
      ["Keeper talk", 0],
      ["Doomed talk", 90],
    ] as const)
      await adminPost<Created>(`/api/admin/events/${event.id}/sessions`, {
        kind: "breakout",
        title,
        startsAt: iso(start + from * MIN),
        endsAt: iso(start + (from + 60) * MIN),
      });

    const organizer = await newPerson(browser);
    const page = await organizer.newPage();
    await page.goto((await signInLink()).replace(/^https?:\/\/[^/]+/, origin()));
    await page.getByRole("navigation", { name: /organizer console/i }).waitFor();
    await page.goto(`/admin?event=${event.id}&tab=programme`);
    const block = (title: string) => page.locator(".pg-block", { hasText: title });
    await block("Doomed talk").waitFor();

    const openAndAsk = async () => {
      await block("Doomed talk").click();
      await page.getByRole("button", { name: "Remove session" }).click();
      const dialog = page.getByRole("dialog", { name: "Remove Doomed talk?" });
      await dialog.waitFor();
      return dialog;
    };
    // Cancel first: the dialog closes and nothing is removed.
    let dialog = await openAndAsk();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await block("Doomed talk").count()).toBe(1);

    dialog = await openAndAsk();
    await dialog.getByRole("button", { name: "Remove it" }).click();
    await expect
      .poll(() => page.locator(".pg-status").textContent())
      .toBe("Doomed talk is removed from the programme.");
    expect(await block("Doomed talk").count()).toBe(0);
    expect(await block("Keeper talk").count()).toBe(1);
    // Focus lands on a control that stays, not on the removed block.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Add a session");

    await page.reload();
    await block("Keeper talk").waitFor();
    expect(await block("Doomed talk").count()).toBe(0);
    await organizer.close();
  });

  it("a session across midnight shows on both days, each part cut at midnight with its title in view", async () => {
    const stamp = Date.now().toString(36);
    // 20:00–02:00 on the event's clock (Amsterdam, UTC+1 in March before the change).
    const event = await adminPost<Created>("/api/admin/events", {
      slug: `programme-night-${stamp}`,
      title: "Programme Night",
      timezone: TZ,
      startsAt: "2027-03-10T19:00:00Z",
      endsAt: "2027-03-11T01:00:00Z",
    });
    await adminPost<Created>(`/api/admin/events/${event.id}/sessions`, {
      kind: "stage",
      title: "Late show",
      startsAt: "2027-03-10T21:30:00Z",
      endsAt: "2027-03-11T00:30:00Z",
    });
    const organizer = await newPerson(browser);
    const page = await organizer.newPage();
    await page.goto((await signInLink()).replace(/^https?:\/\/[^/]+/, origin()));
    await page.getByRole("navigation", { name: /organizer console/i }).waitFor();
    await page.goto(`/admin?event=${event.id}&tab=programme`);
    const block = page.locator(".pg-block", { hasText: "Late show" });
    await block.waitFor();
    const lane = page.locator('.pg-lane[data-lane="stage"] .pg-lane-body');
    const boxes = async () => ({
      block: (await block.boundingBox())!,
      lane: (await lane.boundingBox())!,
      title: (await block.locator(".pg-block-title").boundingBox())!,
    });

    // The evening: 22:30 to midnight, where the day's window ends (an hour is 240 px).
    let b = await boxes();
    expect(b.block.width).toBeCloseTo(90 * 4, 0);
    expect(await block.getAttribute("class")).toMatch(/pg-goes-on/);

    // The night after: from midnight (the lane's start) to 01:30, the title readable.
    await page.getByLabel("Day", { exact: true }).selectOption("2027-03-11");
    await expect.poll(async () => Math.round((await boxes()).block.x - (await boxes()).lane.x)).toBe(0);
    b = await boxes();
    expect(b.block.width).toBeCloseTo(90 * 4, 0);
    expect(b.title.x).toBeGreaterThanOrEqual(b.lane.x);
    expect(await block.getAttribute("class")).toMatch(/pg-from-before/);
    await organizer.close();
  });
});
