import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousA11yViolations } from "./support/axe";
import {
  adminPost,
  demoLink,
  e2eEnabled,
  enterPortal,
  launchBrowser,
  newPerson,
  openFromProgramme,
  origin,
  signInLink,
} from "./support/browser";

const BREAKOUT = "Breakout: design critique";

/**
 * An organizer prepares a poll in the console; the session's moderator finds it as a draft on
 * their desk in the portal and opens it; a participant sees it and can vote. No API call by the
 * test beyond seeding the demo.
 */
describe.skipIf(!e2eEnabled())("prepared interactions from the console to the portal", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a poll prepared in the console is offered on the moderator's desk and reaches a participant", async () => {
    const stamp = Date.now().toString(36);
    const question = `Console poll ${stamp}?`;
    const demo = (await adminPost<{ event: { id: string } }>("/api/admin/demo")).event;
    const owner = await (await newPerson(browser)).newPage();
    await owner.goto((await signInLink()).replace(/^https?:\/\/[^/]+/, origin()));
    await owner.getByRole("navigation", { name: /organizer console/i }).waitFor();
    await owner.goto(`/admin?event=${demo.id}&tab=interactions`);
    await owner.getByRole("heading", { name: "Prepared interactions" }).waitFor();
    await owner.getByLabel("Session").selectOption({ label: BREAKOUT });
    await owner.getByRole("heading", { name: `Prepared for ${BREAKOUT}` }).waitFor();

    await owner.getByRole("button", { name: "New poll" }).click();
    const editor = owner.getByRole("form", { name: "New poll" });
    // The editor takes focus, so a keyboard user starts there.
    expect(await owner.evaluate(() => document.activeElement?.id)).toBe("prep-editor-heading");
    await editor.getByLabel("Question", { exact: true }).fill(question);
    await editor.getByLabel("Option 1", { exact: true }).fill("Keep it");
    await editor.getByRole("button", { name: "Save" }).click();
    // Checked at the field: the empty option is marked, named and focused.
    const second = editor.getByLabel("Option 2", { exact: true });
    await expect.poll(() => second.getAttribute("aria-invalid")).toBe("true");
    expect(await editor.locator("#prep-options-1-error").textContent()).toBe("Fill this in.");
    expect(await owner.evaluate(() => document.activeElement?.id)).toBe("prep-options-1");
    expect(await seriousA11yViolations(owner)).toEqual([]);
    await second.fill("Change it");
    // The demo is held in English and Dutch: the Dutch version, each field named by its original.
    const dutch = editor.getByRole("group", { name: "Dutch version" });
    await dutch.getByLabel(`Question in Dutch (original: “${question}”)`).fill(`Consolepeiling ${stamp}?`);
    await dutch.getByLabel("Option 1 in Dutch (original: “Keep it”)").fill("Houden");
    await editor.getByRole("button", { name: "Save" }).click();
    // Half a language is refused at the field: the Dutch option 2 is still empty.
    const dutchSecond = dutch.getByLabel("Option 2 in Dutch (original: “Change it”)");
    await expect.poll(() => dutchSecond.getAttribute("aria-invalid")).toBe("true");
    expect(await owner.evaluate(() => document.activeElement?.id)).toBe("prep-translations-nl-options-1");
    await dutchSecond.fill("Veranderen");
    await editor.getByRole("button", { name: "Save" }).click();
    await expect
      .poll(() =>
        owner
          .getByRole("status")
          .filter({ hasText: `${question} is prepared.` })
          .count(),
      )
      .toBe(1);
    const row = owner.locator("li.prep-item", { hasText: question });
    await row.waitFor();
    expect(await row.getByText("Change it").count()).toBe(1);

    // The moderator's desk in the portal offers it as a draft, and opening it shows it to participants.
    const mia = await (await newPerson(browser)).newPage();
    await enterPortal(mia, await demoLink("Mia"));
    await openFromProgramme(mia, BREAKOUT);
    await mia.locator(".session-view[data-ready='yes']").waitFor();
    await mia.getByRole("tab", { name: "Moderate" }).click();
    const item = mia.locator("li.item", { hasText: question });
    await expect.poll(() => item.locator(".badge").first().textContent()).toBe("Draft");
    // Bram (Dutch) is already in, on another tab: the poll opening is announced to him in Dutch.
    const bram = await (await newPerson(browser)).newPage();
    await enterPortal(bram, await demoLink("Bram"));
    await openFromProgramme(bram, "Deelsessie: ontwerpkritiek");
    await bram.locator(".session-view[data-ready='yes']").waitFor();
    await bram.getByRole("tab", { name: /^Chat/ }).click();
    await item.getByRole("button", { name: "Open" }).click();
    await expect.poll(() => item.locator(".badge").first().textContent()).toBe("Open");
    await expect
      .poll(() => bram.locator(".session-view > p.visually-hidden[aria-live=polite]").textContent())
      .toBe(`Er is een peiling geopend: Consolepeiling ${stamp}?`);

    const ada = await (await newPerson(browser)).newPage();
    await enterPortal(ada, await demoLink("Ada"));
    await openFromProgramme(ada, BREAKOUT);
    await ada.locator(".session-view[data-ready='yes']").waitFor();
    await ada.getByRole("tab", { name: /^(Polls|Peilingen)/ }).click();
    await ada.getByRole("heading", { name: question }).waitFor();
    await ada.getByRole("radio", { name: "Change it" }).check();
    await ada.getByRole("button", { name: /^(Vote|Stemmen)$/ }).click();
    await expect.poll(() => ada.locator(".poll [role=status]").first().textContent()).toMatch(/counts|telt/);

    // Bram reads Dutch: the same poll in the organizer's Dutch, and his vote counts on the same option.
    await bram.getByRole("tab", { name: /^Peilingen/ }).click();
    await bram.getByRole("heading", { name: `Consolepeiling ${stamp}?` }).waitFor();
    await bram.getByRole("radio", { name: "Veranderen" }).check();
    await bram.getByRole("button", { name: "Stemmen" }).click();
    await expect.poll(() => bram.locator(".poll [role=status]").first().textContent()).toMatch(/telt/);
    // The moderator's desk keeps the original: two votes for "Change it".
    await expect
      .poll(() => item.locator(".poll-result", { hasText: "Change it" }).getAttribute("data-count"))
      .toBe("2");

    for (const page of [owner, mia, ada, bram]) await page.context().close();
  });
});
