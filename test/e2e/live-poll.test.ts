import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousA11yViolations } from "./support/axe";
import { demoLink, e2eEnabled, enterPortal, launchBrowser, newPerson } from "./support/browser";

async function portal(browser: Browser, name: string): Promise<Page> {
  const page = await (await newPerson(browser)).newPage();
  await enterPortal(page, await demoLink(name));
  await expect.poll(() => page.locator(".session-view").getAttribute("data-ready")).toBe("yes");
  return page;
}

describe.skipIf(!e2eEnabled())("a live poll in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the moderator opens a poll, two participants vote, and the producer's output shows the tally", async () => {
    const [mia, ada, bram] = [
      await portal(browser, "Mia"),
      await portal(browser, "Ada"),
      await portal(browser, "Bram"),
    ];
    const sessionId = await mia.locator(".session-header[data-session-id]").getAttribute("data-session-id");

    await mia.getByRole("tab", { name: "Moderate" }).click();
    await mia.locator("summary", { hasText: "New poll" }).click();
    const editor = mia.getByRole("form", { name: "New poll" });
    await editor.getByLabel("Question", { exact: true }).fill("Which track next?");
    await editor.getByLabel("Option 1").fill("Edge compute");
    await editor.getByLabel("Option 2").fill("Design systems");
    await editor.getByRole("button", { name: "Create" }).click();
    const item = mia.locator("li.item", { hasText: "Which track next?" });
    await item.getByRole("button", { name: "Open" }).click();
    await expect.poll(() => item.locator(".badge").first().textContent()).toBe("Open");
    expect(await seriousA11yViolations(mia)).toEqual([]);

    // Participants get a "Polls" tab (announced, not forced on them) and vote with the keyboard or mouse.
    for (const [page, option] of [
      [ada, "Edge compute"],
      [bram, "Design systems"],
    ] as const) {
      await page.getByRole("tab", { name: /^(Polls|Peilingen)/ }).click();
      await page.getByRole("radio", { name: option }).check();
      await page.getByRole("button", { name: /^(Vote|Stemmen)$/ }).click();
      await expect.poll(() => page.locator(".poll [role=status]").first().textContent()).toMatch(/counts|telt/);
    }
    expect(await seriousA11yViolations(ada)).toEqual([]);

    const producer = await (await newPerson(browser)).newPage();
    await producer.setViewportSize({ width: 1920, height: 1080 });
    await producer.goto(await demoLink("Pim"));
    await producer.goto(`/output/${sessionId}/poll?bg=transparent`);
    const output = producer.locator(".output-poll");
    await expect.poll(() => output.getAttribute("data-voters")).toBe("2");
    await expect.poll(() => output.locator("h1").textContent()).toBe("Which track next?");
    await expect
      .poll(() => producer.locator(".poll-result").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-count"))))
      .toEqual(["1", "1"]);
    // Pim reads Foyer in Dutch, but the broadcast carries the event's English: so do the output's words.
    await expect.poll(() => output.locator(".output-count").textContent()).toBe("Votes: 2");
    expect(await producer.locator("html").getAttribute("lang")).toBe("en");
    expect(await producer.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgba(0, 0, 0, 0)");
    // The output leaves alone the language Pim's own portal remembers on this device.
    expect(await producer.evaluate(() => localStorage.getItem("foyer.language"))).toBeNull();

    // The tally moves live when a vote changes.
    await bram.getByRole("button", { name: /Change vote|Stem wijzigen/ }).click();
    await bram.getByRole("radio", { name: "Edge compute" }).check();
    await bram.getByRole("button", { name: /Change vote|Stem wijzigen/ }).click();
    await expect
      .poll(() => producer.locator(".poll-result").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-count"))))
      .toEqual(["2", "0"]);

    for (const page of [mia, ada, bram, producer]) await page.context().close();
  });

  it("refuses output pages to participants", async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    await page.goto(await demoLink("Chlo"));
    const res = await page.goto("/output/anything/poll");
    expect(res?.status()).toBe(403);
    await expect
      .poll(() => page.locator(".output-message").textContent())
      .toBe("Output pages are for producers and moderators.");
    await context.close();
  });
});
