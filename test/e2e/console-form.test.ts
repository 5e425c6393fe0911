import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdminEvent, AdminRegistration } from "../../core/contract/index";
import { adminPost, apiToken, e2eEnabled, launchBrowser, newPerson, origin, signInLink } from "./support/browser";
import { a11yViolations } from "./support/axe";

async function adminGet<T>(path: string): Promise<T> {
  const res = await fetch(`${origin()}${path}`, { headers: { Authorization: `Bearer ${apiToken()}` } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * The form builder: an organizer adds a required question in English and Dutch, watches the
 * preview (the public page's own form) follow, is stopped from leaving with unsaved changes,
 * saves, and the public registration page then asks it and refuses to go on without an answer.
 */
describe.skipIf(!e2eEnabled())("the console's registration form builder", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("adds a required choice in two languages, previews it, saves, and the public page requires it", async () => {
    const stamp = Date.now().toString(36);
    const start = Date.now() + 48 * 3_600_000;
    // Setting up: an empty event of the demo workspace, held in English and Dutch.
    const event = await adminPost<AdminEvent>("/api/admin/events", {
      slug: `form-${stamp}`,
      title: { en: "Form day", nl: "Formulierdag" },
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 3_600_000).toISOString(),
      languages: ["en", "nl"],
    });

    const owner = await newPerson(browser);
    const page = await owner.newPage();
    await page.goto((await signInLink()).replace(/^https?:\/\/[^/]+/, origin()));
    await page.getByRole("navigation", { name: /organizer console/i }).waitFor();
    await page.goto(`/admin?event=${event.id}&tab=form`);
    await page.getByRole("heading", { name: "Registration form" }).waitFor();

    await page.getByRole("button", { name: "Add: One choice" }).click();
    // Focus goes to the new question's first label.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? "")).toMatch(/label-en$/);
    await page.getByLabel("Question in English").fill("Meal");
    await page.getByLabel("Question in Dutch").fill("Maaltijd");
    await page.getByLabel("Option 1 in English").fill("Vegetarian");
    await page.getByLabel("Option 1 in Dutch").fill("Vegetarisch");
    await page.getByLabel("Option 2 in English").fill("Vegan");
    await page.getByLabel("Option 2 in Dutch").fill("Veganistisch");
    await page.getByRole("checkbox", { name: "Required" }).check();
    expect(await page.getByText("Stored as meal").count()).toBe(1);

    // The preview follows as they type, in either language, and sends nothing.
    const preview = page.locator(".form-preview");
    await expect.poll(() => preview.getByRole("group", { name: /^Meal/ }).count()).toBe(1);
    expect(await preview.getByRole("radio", { name: "Vegetarian" }).count()).toBe(1);
    await preview.getByRole("radio", { name: "Dutch" }).check();
    await expect.poll(() => preview.getByRole("group", { name: /^Maaltijd/ }).count()).toBe(1);
    expect(await preview.getByRole("radio", { name: "Veganistisch" }).count()).toBe(1);
    await preview.getByRole("button", { name: "Inschrijven" }).click();
    await expect.poll(() => preview.locator(".error-summary").textContent()).toContain("Maaltijd is verplicht.");
    expect(await a11yViolations(page, { all: true })).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await a11yViolations(page, { all: true, selector: ".form-tab" })).toEqual([]);
    await page.emulateMedia({ colorScheme: "light" });

    // Leaving with unsaved changes is asked about; staying keeps them.
    await page.getByRole("button", { name: "Registrations", exact: true }).click();
    await page.getByRole("dialog", { name: "Leave without saving?" }).waitFor();
    await page.getByRole("button", { name: "Stay and keep editing" }).click();
    expect(await page.getByLabel("Question in English").inputValue()).toBe("Meal");

    await page.getByRole("button", { name: "Save the form" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "The form is saved." }).count()).toBe(1);
    expect(await page.getByText("Stored as meal").count()).toBe(1);
    // Saved: the tabs can be left without a question.
    await page.getByRole("button", { name: "Registrations", exact: true }).click();
    expect(await page.getByRole("dialog").count()).toBe(0);

    const visitor = await newPerson(browser);
    const form = await visitor.newPage();
    const email = `meal-${stamp}@example.com`;
    await form.goto(`/e/${event.slug}`);
    await form.getByLabel("Name").fill("Fay Former");
    await form.getByLabel("E-mail address").fill(email);
    await form.getByRole("button", { name: "Register" }).click();
    await expect.poll(() => form.locator(".error-summary").textContent()).toContain("Meal is required.");
    await form.getByRole("radio", { name: "Vegan" }).check();
    await form.getByRole("button", { name: "Register" }).click();
    await expect.poll(() => form.getByRole("heading", { level: 1 }).textContent()).toBe("You are registered");

    const { items } = await adminGet<{ items: AdminRegistration[] }>(
      `/api/admin/events/${event.id}/registrations?q=${encodeURIComponent(email)}`,
    );
    expect(items.map((r) => r.attributes)).toEqual([{ meal: "vegan" }]);

    // Once a session's audience rule uses the question, the console will not let it go, and says which.
    await adminPost(`/api/admin/events/${event.id}/sessions`, {
      kind: "breakout",
      title: "Vegan cooking",
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 1_800_000).toISOString(),
      audience: { kind: "attributes", conditions: [{ attribute: "meal", op: "eq", values: ["vegan"] }] },
    });
    await page.goto(`/admin?event=${event.id}&tab=form`);
    await page.getByRole("button", { name: "Remove question 1" }).click();
    await expect.poll(() => page.getByRole("alert").filter({ hasText: "Vegan cooking" }).count()).toBe(1);
    expect(await page.getByRole("dialog").count()).toBe(0);
    await page.getByRole("button", { name: "Remove option 2" }).click();
    await expect.poll(() => page.getByRole("alert").filter({ hasText: "cannot be removed" }).count()).toBe(2);
    // Usable on a phone: nothing of the form tab wider than the screen.
    await page.setViewportSize({ width: 390, height: 800 });
    // (The event's tab bar itself is the console's, not this tab's.)
    const widest = await page.evaluate(() =>
      Math.max(...[...document.querySelectorAll(".form-tab *")].map((el) => el.getBoundingClientRect().right)),
    );
    expect(widest).toBeLessThanOrEqual(390);
    await visitor.close();
    await owner.close();
  });

  it("says the server's refusal in Dutch next to the question it names", async () => {
    const stamp = Date.now().toString(36);
    const start = Date.now() + 48 * 3_600_000;
    const event = await adminPost<AdminEvent>("/api/admin/events", {
      slug: `form-nl-${stamp}`,
      title: { en: "Form night", nl: "Formulieravond" },
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 3_600_000).toISOString(),
      languages: ["nl", "en"],
      fields: [{ kind: "choice", key: "ticket", label: "Ticket", required: true, options: ["standard", "vip"] }],
    });
    const owner = await newPerson(browser, "nl-NL");
    const page = await owner.newPage();
    await page.goto((await signInLink()).replace(/^https?:\/\/[^/]+/, origin()));
    await page.getByRole("navigation", { name: /organisatorconsole/i }).waitFor();
    await page.goto(`/admin?event=${event.id}&tab=form`);
    await page.getByRole("heading", { name: "Inschrijfformulier" }).waitFor();
    // Meanwhile (another organizer, an integration) a session's audience rule starts using "vip":
    // the console opened before it, so only the server can refuse.
    await adminPost(`/api/admin/events/${event.id}/sessions`, {
      kind: "breakout",
      title: "VIP lounge",
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 1_800_000).toISOString(),
      audience: { kind: "attributes", conditions: [{ attribute: "ticket", op: "eq", values: ["vip"] }] },
    });
    await page.getByRole("button", { name: "Keuze 2 verwijderen" }).click();
    await page.getByRole("button", { name: "Formulier opslaan" }).click();
    const said =
      'De doelgroepregel van "VIP lounge" gebruikt een keuze die je hier hebt verwijderd. Pas die regel eerst aan op het tabblad Programma, of houd de keuze.';
    await expect.poll(() => page.locator(".form-options .field-error").textContent()).toBe(said);
    expect(await page.locator(".form-editor .error-summary").textContent()).toContain(`Vraag 1: ${said}`);
    expect(await page.getByText("is used by the audience rule").count()).toBe(0);
    await owner.close();
  });
});
