import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { a11yViolations } from "./support/axe";
import { adminPost, e2eEnabled, launchBrowser, newPerson, origin, signInLink } from "./support/browser";

/**
 * Long work in the console: an organizer imports a CSV with one bad row, sees that row's error,
 * fixes the file and imports it, watches the progress finish and the people appear; then sends
 * invitations to a filtered set and watches the scheduler send them (the local outbox).
 */
describe.skipIf(!e2eEnabled())("importing people and inviting them from the console", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("previews a bad row, imports the fixed file with progress, then sends to the filtered list", {
    timeout: 180_000,
  }, async () => {
    const stamp = Date.now().toString(36);
    const startsAt = Date.now() + 3 * 24 * 3_600_000;
    // Setup only: an event of its own in the demo workspace, so no other test's people are touched.
    const event = await adminPost<{ id: string }>("/api/admin/events", {
      slug: `import-${stamp}`,
      title: `Import test ${stamp}`,
      timezone: "Europe/Amsterdam",
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 4 * 3_600_000).toISOString(),
      fields: [{ kind: "choice", key: "ticket", label: "Ticket", required: true, options: ["standard", "vip"] }],
    });
    const owner = await newPerson(browser);
    const page = await owner.newPage();
    await page.goto((await signInLink()).replace(/^https?:\/\/[^/]+/, origin()));
    await page.getByRole("navigation", { name: /organizer console/i }).waitFor();
    await page.goto(`/admin?event=${event.id}&tab=registrations`);

    const people = [
      ["Ada Import", `ada-${stamp}@import.test`, "vip"],
      ["Bram Import", `bram-${stamp}@import.test`, "standard"],
      ["Cleo Import", `cleo-${stamp}@import.test`, "standard"],
    ];
    const csv = (rows: string[][]) =>
      Buffer.from(`Name,E-mail,Ticket\r\n${rows.map((r) => r.join(",")).join("\r\n")}\r\n`, "utf8");
    const fileInput = page.getByLabel("CSV file");

    // A file with one bad row: Bram's address is missing its @.
    const bad = people.map((p) => [...p]);
    bad[1]![1] = `bram-${stamp}.import.test`;
    await fileInput.setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: csv(bad) });
    // The columns are read as the form's; the organizer confirms them by checking.
    expect(await page.getByLabel("What the column Ticket holds").inputValue()).toBe("attr:ticket");
    await page.getByRole("button", { name: "Check 3 rows" }).click();
    const problems = page.getByRole("table", { name: "Rows with errors" });
    await problems.waitFor();
    const problemRow = problems.locator("tbody tr");
    expect(await problemRow.count()).toBe(1);
    expect(await problemRow.first().locator("th").textContent()).toBe("3");
    expect(await problemRow.first().locator("td").first().textContent()).toBe("E-mail");
    expect(await problemRow.first().locator("td").nth(1).textContent()).toMatch(/e-mail address/i);
    expect(await page.locator('[data-count="invalid"] dd').textContent()).toBe("1");
    // The steps (columns, preview, problems) pass axe in light and dark.
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await a11yViolations(page, { selector: "section.imports" })).toEqual([]);
    }
    // Nothing was written by the check.
    expect(await page.locator("tr[data-registration]").count()).toBe(0);

    // Fixed and chosen again: no errors left, then the import.
    await fileInput.setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: csv(people) });
    await page.getByRole("button", { name: "Check 3 rows" }).click();
    await page.getByRole("button", { name: "Import 3 people" }).click();
    const bar = page.getByRole("progressbar", { name: "Import progress" });
    await bar.waitFor();
    await expect.poll(() => bar.getAttribute("aria-valuenow"), { timeout: 60_000 }).toBe("3");
    expect(await bar.getAttribute("aria-valuemax")).toBe("3");
    await page.getByText("Import finished: 3 new, 0 updated, 0 unchanged.").waitFor();
    await expect.poll(() => page.locator("tr[data-registration]").count(), { timeout: 20_000 }).toBe(3);
    for (const [name] of people) await page.getByRole("rowheader", { name }).waitFor();

    // The list filtered to those not sent yet (with a search), then "send to these 3".
    await page.getByLabel("Invitation", { exact: true }).selectOption("queued");
    await page.getByLabel("Search by name or e-mail").fill("import");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("button", { name: "Send invitations to these 3" }).click();
    const dialog = page.getByRole("dialog");
    expect(await dialog.textContent()).toContain("3 people");
    await dialog.getByRole("button", { name: "Send to 3" }).click();
    const sending = page.getByRole("progressbar", { name: "Invitation progress" });
    await sending.waitFor();
    await page.getByText("3 sent, 0 waiting, 0 failed.").waitFor({ timeout: 60_000 });
    expect(await sending.getAttribute("aria-valuenow")).toBe("3");
    expect(await a11yViolations(page, { selector: "main" })).toEqual([]);

    // Reopened later, the page picks the finished work up again.
    await page.reload();
    await page.getByRole("progressbar", { name: "Invitation progress" }).waitFor();
    await page.getByText("Import finished: 3 new, 0 updated, 0 unchanged.").waitFor();
    // With everyone's invitation sent, the list no longer offers to send to them again.
    await expect.poll(() => page.locator("tr[data-registration]").count()).toBe(3);
    expect(await page.getByRole("button", { name: /^Send invitations to these/ }).count()).toBe(0);
    await owner.close();
  });

  it("says a refused row's reason, and the invitations going out at once, in the Dutch console", {
    timeout: 120_000,
  }, async () => {
    const stamp = Date.now().toString(36);
    // Running since an hour: its invitation time has passed.
    const startsAt = Date.now() - 3_600_000;
    const event = await adminPost<{ id: string }>("/api/admin/events", {
      slug: `import-nl-${stamp}`,
      title: `Import NL ${stamp}`,
      timezone: "Europe/Amsterdam",
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 4 * 3_600_000).toISOString(),
      fields: [{ kind: "choice", key: "ticket", label: "Ticket", required: true, options: ["standard", "vip"] }],
    });
    const owner = await newPerson(browser, "nl-NL");
    const page = await owner.newPage();
    await page.goto((await signInLink()).replace(/^https?:\/\/[^/]+/, origin()));
    await page.getByRole("navigation", { name: /organisatorconsole/i }).waitFor();
    await page.goto(`/admin?event=${event.id}&tab=registrations`);
    await page
      .getByText("Het evenement is bezig: nieuwe mensen uit de import krijgen hun uitnodiging meteen")
      .waitFor();

    const rows = [
      ["Ada", `ada-${stamp}@import.test`, "vip"],
      ["Bram", `ada-${stamp}@import.test`, "gold"],
    ];
    const csv = `Name,E-mail,Ticket\r\n${rows.map((r) => r.join(",")).join("\r\n")}\r\n`;
    await page
      .getByLabel("CSV-bestand")
      .setInputFiles({ name: "mensen.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByRole("button", { name: "2 regels controleren" }).click();
    const problems = page.getByRole("table", { name: "Regels met fouten" }).locator("tbody tr");
    await problems.first().waitFor();
    const reasons = await problems.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => c.textContent)),
    );
    expect(reasons).toEqual([
      ["3", "E-mail", "Hetzelfde e-mailadres staat al op regel 2."],
      ["3", "Ticket", "Geen van de toegestane waarden: standard, vip."],
    ]);
    await owner.close();
  });
});
