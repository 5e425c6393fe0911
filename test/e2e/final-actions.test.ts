import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousA11yViolations } from "./support/axe";
import {
  adminPost,
  signInLink,
  demoLink,
  e2eEnabled,
  enterPortal,
  launchBrowser,
  newPerson,
  openFromProgramme,
} from "./support/browser";

const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");

async function inBreakout(browser: Browser, name: string): Promise<Page> {
  const page = await (await newPerson(browser)).newPage();
  await enterPortal(page, await demoLink(name));
  // A breakout of its own, so what is opened and closed here stays out of other tests' stage.
  await openFromProgramme(page, "Breakout: design critique");
  await page.locator(".session-view[data-ready='yes']").waitFor();
  return page;
}

/** Actions that cannot be taken back ask first, in an accessible dialog. */
describe.skipIf(!e2eEnabled())("final actions ask for confirmation", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("closing voting, or hiding what is open, waits for the moderator's yes; Escape keeps it open", async () => {
    const [mia, ada] = await Promise.all([inBreakout(browser, "Mia"), inBreakout(browser, "Ada")]);
    const sessionId = await mia.locator(".session-header[data-session-id]").getAttribute("data-session-id");
    const stamp = Date.now().toString(36);
    const [question, prompt] = [`Final poll ${stamp}`, `Final cloud ${stamp}`];
    await adminPost(`/api/admin/sessions/${sessionId}/prepared`, {
      kind: "poll",
      definition: { question, kind: "single", options: ["Tea", "Coffee"] },
    });
    await adminPost(`/api/admin/sessions/${sessionId}/prepared`, { kind: "wordcloud", definition: { prompt } });
    await mia.getByRole("tab", { name: "Moderate" }).click();
    const poll = mia.locator("li.item", { hasText: question });
    const cloud = mia.locator("li.item", { hasText: prompt });
    for (const item of [poll, cloud]) {
      await item.getByRole("button", { name: "Open" }).click();
      await expect.poll(() => item.locator(".badge").first().textContent()).toBe("Open");
    }

    // "Close voting" opens a dialog with focus on the safe choice; nothing is closed yet.
    await poll.getByRole("button", { name: "Close voting" }).click();
    const dialog = mia.getByRole("dialog", { name: `Close “${question}”?` });
    await dialog.waitFor();
    expect(await focused(mia)).toBe("Keep it open");
    expect(await dialog.textContent()).toContain("cannot be opened again");
    expect(await seriousA11yViolations(mia)).toEqual([]);
    // Votes keep coming in while the moderator decides: the question stays put.
    await ada.getByRole("tab", { name: /^Polls/ }).click();
    const adaPoll = ada.locator("article", { hasText: question });
    await adaPoll.getByRole("radio", { name: "Tea" }).check();
    await adaPoll.getByRole("button", { name: "Vote" }).click();
    await expect.poll(() => poll.textContent()).toContain("Votes: 1");
    expect(await dialog.isVisible()).toBe(true);
    expect(await focused(mia)).toBe("Keep it open");

    // Escape cancels: the dialog goes, focus is back on the button, the poll is still open.
    await mia.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await focused(mia)).toBe("Close voting");
    expect(await poll.locator(".badge").first().textContent()).toBe("Open");
    expect(await adaPoll.getByRole("button", { name: "Change vote" }).isEnabled()).toBe(true);

    // Yes closes it, and focus lands on a button that is still there.
    await poll.getByRole("button", { name: "Close voting" }).click();
    await dialog.getByRole("button", { name: "Close voting" }).click();
    await expect.poll(() => poll.locator(".badge").first().textContent()).toBe("Closed");
    await expect.poll(() => focused(mia)).toBe("Hide");
    await expect.poll(() => adaPoll.textContent()).toContain("Voting has closed.");

    // Hiding an open word cloud closes it too, so it asks the same way.
    await cloud.getByRole("button", { name: "Hide" }).click();
    const hide = mia.getByRole("dialog", { name: `Hide “${prompt}”?` });
    await hide.waitFor();
    await hide.getByRole("button", { name: "Keep it open" }).click();
    expect(await cloud.locator(".badge").first().textContent()).toBe("Open");
    await cloud.getByRole("button", { name: "Hide" }).click();
    await hide.getByRole("button", { name: "Hide and close" }).click();
    await expect.poll(() => cloud.textContent()).toContain("hidden from participants");
    expect(await cloud.locator(".badge").first().textContent()).toBe("Closed");
    // Hiding something already closed, or showing it again, ends nothing: no question asked.
    await cloud.getByRole("button", { name: "Show again" }).click();
    await expect.poll(() => cloud.textContent()).not.toContain("hidden from participants");
    expect(await mia.getByRole("dialog").count()).toBe(0);
    for (const page of [mia, ada]) await page.context().close();
  }, 120_000);

  it("the organizer confirms before invitations go out to everyone still waiting", async () => {
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const slug = `confirm-${now.toString(36)}`;
    // Three days ahead: the invitation waits in the queue for its planned time.
    const event = await adminPost<{ id: string }>("/api/admin/events", {
      slug,
      title: "Confirm Day",
      timezone: "Europe/Amsterdam",
      startsAt: iso(now + 72 * 3_600_000),
      endsAt: iso(now + 75 * 3_600_000),
    });
    await adminPost(`/api/admin/events/${event.id}/registrations`, {
      name: "Wendy Waiting",
      email: `wendy.${now}@example.com`,
    });

    const page = await (await newPerson(browser)).newPage();
    // The admin page reads the one-time token from the link's fragment and signs in with it.
    await page.goto(await signInLink());
    // The console opens on the list of events; this one is opened from it.
    await page
      .getByRole("row")
      .filter({ hasText: `/e/${slug}` })
      .getByRole("link", { name: "Confirm Day" })
      .click();
    const wendy = page.getByRole("row").filter({ hasText: "Wendy Waiting" });
    await expect.poll(() => wendy.locator("[data-state]").getAttribute("data-state")).toBe("queued");

    const sendAll = page.getByRole("button", { name: "Send invitations now to everyone still waiting" });
    await sendAll.click();
    const dialog = page.getByRole("dialog", { name: "Send the invitations now?" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("Confirm Day");
    expect(await focused(page)).toBe("Cancel");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await focused(page)).toBe("Send invitations now to everyone still waiting");
    // Nothing went out: the list, read again, still has the invitation waiting.
    await page.getByRole("button", { name: "Search" }).click();
    expect(await wendy.locator("[data-state]").getAttribute("data-state")).toBe("queued");
    expect((await page.locator(".notice").textContent())?.trim()).toBe("");

    await sendAll.click();
    await dialog.getByRole("button", { name: "Send them now" }).click();
    await expect.poll(() => page.locator(".notice").textContent()).toBe("0 new, 1 moved to now, 0 skipped.");
    await expect
      .poll(() => wendy.locator("[data-state]").getAttribute("data-state"), { timeout: 15_000 })
      .not.toBe("queued");
    await page.context().close();
  });
});
