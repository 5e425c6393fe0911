import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminPost, e2eEnabled, launchBrowser, newPerson, origin, signInLink } from "./support/browser";

/**
 * The console's outbox (local e-mail): an event's own mail by default, and, on request, all the
 * caller may read, which for an owner includes the member invitations of their workspace (mail
 * that belongs to no event). A walk-through found those invitations nowhere in the console.
 */
describe.skipIf(!e2eEnabled())("the console's outbox", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows an owner the member invitations they sent next to the event's mail", async () => {
    const stamp = Date.now().toString(36);
    const demo = (await adminPost<{ event: { id: string } }>("/api/admin/demo")).event;
    const owner = await newPerson(browser);
    const page = await owner.newPage();
    await page.goto((await signInLink()).replace(/^https?:\/\/[^/]+/, origin()));
    await page.getByRole("navigation", { name: /organizer console/i }).waitFor();
    const me = await (await page.request.get("/api/admin/auth/me")).json();
    const invitee = `helper-${stamp}@demo.test`;
    const invited = await page.request.post(`/api/admin/workspaces/${me.workspaces[0].id}/members`, {
      headers: { Origin: origin() },
      data: { email: invitee, name: "Hugo Helper", role: "organizer", language: "en" },
    });
    expect(invited.status(), await invited.text()).toBe(201);

    await page.goto(`/admin?event=${demo.id}`);
    await page.getByRole("button", { name: "Outbox" }).click();
    // The event's own mail: the demo people's invitations, not the member invitation.
    await expect.poll(() => page.locator(".outbox-message").count()).toBeGreaterThan(0);
    expect(await page.locator(`.outbox-message[data-to="${invitee}"]`).count()).toBe(0);

    await page.getByRole("radio", { name: /all e-mail i may read/i }).check();
    const mail = page.locator(`.outbox-message[data-to="${invitee}"]`);
    await expect.poll(() => mail.count()).toBe(1);
    expect(await mail.getByText("Organizer e-mail").count()).toBe(1);
    // Its text reads like the e-mail Hugo got, link included.
    await mail.locator("summary").click();
    expect(await mail.locator(".outbox-body").textContent()).toMatch(/\/admin\/signin#[\w-]+/);
    // And back: the event's mail only.
    await page.getByRole("radio", { name: /this event's e-mail/i }).check();
    await expect.poll(() => mail.count()).toBe(0);
  });
});
