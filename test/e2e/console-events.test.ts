import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousA11yViolations } from "./support/axe";
import { e2eEnabled, launchBrowser, newPerson, signInLink } from "./support/browser";

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

/** Axe finds nothing serious in light or dark, and nothing sticks out sideways on a 390px phone. */
async function checkPage(page: Page) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousA11yViolations(page), scheme).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
  await page.setViewportSize({ width: 390, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe.skipIf(!e2eEnabled())("events in the console", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("an organizer creates an event from nothing, edits its details, duplicates it and sees both listed", async () => {
    const stamp = Date.now().toString(36);
    // A new owner of a new workspace: no events at all.
    const link = await signInLink({
      email: `eve-${stamp}@events.test`,
      name: "Eve Events",
      workspace: `Events ${stamp}`,
    });
    const context = await newPerson(browser);
    const page = await context.newPage();
    await page.goto(link);
    await page.getByText("This workspace has no events yet").waitFor();

    await page.getByRole("button", { name: "New event" }).click();
    const form = page.locator("form.event-form");
    await form.getByLabel("Title (English)").fill(`Launch ${stamp}`);
    await form.getByLabel("Title (Dutch)").fill(`Lancering ${stamp}`);
    // The address follows the title until typed.
    expect(await form.getByLabel("Address (slug)").inputValue()).toBe(`launch-${stamp}`);
    await form.getByLabel("Time zone").selectOption("Europe/Amsterdam");
    await form.getByLabel("Starts").fill("2027-06-10T14:00");
    await form.getByLabel("Ends").fill("2027-06-10T13:00");
    await form.getByRole("button", { name: "Create event" }).click();
    // Checked before sending: the problem is said at the field, and focus is there.
    await form.getByText("The end must be after the start.").waitFor();
    expect(await focusedId(page)).toBe("new-event-endsAt");
    await form.getByLabel("Ends").fill("2027-06-10T17:00");
    await form.getByRole("button", { name: "Create event" }).click();

    // The new event's own page, on its details.
    await page.getByRole("heading", { level: 1, name: `Launch ${stamp}` }).waitFor();
    expect(new URL(page.url()).searchParams.get("tab")).toBe("details");
    const details = page.locator("form.event-form");
    expect(await details.getByLabel("Starts").inputValue()).toBe("2027-06-10T14:00");
    await details.getByText("Local time in Europe/Amsterdam (UTC+02:00)").first().waitFor();

    // Edit: a capacity the server would refuse is said at the field first; then a good one saves.
    await details.getByLabel("Capacity (registrations at most)").fill("0");
    await details.getByRole("button", { name: "Save" }).click();
    await details.getByText("Enter a whole number of at least 1, or leave it empty.").waitFor();
    expect(await focusedId(page)).toBe("event-details-capacity");
    await details.getByLabel("Capacity (registrations at most)").fill("50");
    await details.getByLabel("Description (English)").fill("A day to launch things.");
    await details.getByLabel("Ends").fill("2027-06-10T18:30");
    await details.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await checkPage(page);

    // Read back from the server: the address names the event and the tab.
    await page.reload();
    const again = page.locator("form.event-form");
    await expect.poll(() => again.getByLabel("Capacity (registrations at most)").inputValue()).toBe("50");
    expect(await again.getByLabel("Ends").inputValue()).toBe("2027-06-10T18:30");
    expect(await again.getByLabel("Description (English)").inputValue()).toBe("A day to launch things.");

    // Duplicate it from the list; first to an address already taken.
    await page.getByRole("link", { name: "All events" }).click();
    await page.getByRole("heading", { level: 1, name: "Events" }).waitFor();
    await page.getByRole("button", { name: `Duplicate Launch ${stamp}` }).click();
    const copy = page.locator("section.duplicate-form");
    await copy.getByLabel("Title (English)").fill(`Relaunch ${stamp}`);
    await copy.getByLabel("Address (slug)").fill(`launch-${stamp}`);
    await copy.getByLabel("The copy starts").fill("2027-09-01T10:00");
    await copy.getByRole("button", { name: "Create the copy" }).click();
    await copy.getByText("Another event already uses this address. Choose another.").waitFor();
    expect(await focusedId(page)).toBe("duplicate-slug");
    await copy.getByLabel("Address (slug)").fill(`relaunch-${stamp}`);
    await copy.getByRole("button", { name: "Create the copy" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Copied as Relaunch ${stamp}` })
      .waitFor();

    // Both in the list, each on its own dates; the copy kept the capacity and the length of the day.
    const rows = page.locator("table.event-list tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    const original = rows.filter({ hasText: `/e/launch-${stamp}` });
    const copied = rows.filter({ hasText: `/e/relaunch-${stamp}` });
    expect(await original.textContent()).toContain("2027");
    expect(await original.textContent()).toMatch(/Jun/);
    expect(await copied.textContent()).toMatch(/Sep/);
    expect(await copied.textContent()).toMatch(/10:00|10:00 AM/);
    expect(await copied.textContent()).toMatch(/14:30|2:30 PM/);
    expect(await copied.textContent()).toContain("0 of 50");
    await checkPage(page);

    // The copy opens on its own page with its own details.
    await copied.getByRole("link", { name: `Relaunch ${stamp}` }).click();
    await page.getByRole("heading", { level: 1, name: `Relaunch ${stamp}` }).waitFor();
    await context.close();
  });
});
