import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutboxMessage } from "../../core/contract/index";
import { seriousA11yViolations } from "./support/axe";
import { adminPost, e2eEnabled, launchBrowser, newPerson, origin, signInLink } from "./support/browser";

/** A one-time link read out of an e-mail's text: `…/admin/signin#<token>`. */
const linkIn = (text: string) => /https?:\/\/\S+\/admin\/signin#[\w-]+/.exec(text)?.[0];

/** Signs a person in with a bootstrap link in their own profile and returns a request context with the cookie. */
async function signedIn(context: BrowserContext, link: string) {
  const page = await context.newPage();
  await page.goto(link.replace(/^https?:\/\/[^/]+/, origin()));
  await page.getByRole("navigation", { name: /organizer console/i }).waitFor();
  return page;
}

describe.skipIf(!e2eEnabled())("organizer accounts in the console", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("an owner invites a viewer, who signs in from the e-mail, reads but cannot change, and cannot open another workspace's event", async () => {
    const stamp = Date.now().toString(36);
    // The demo event (made once, by whichever test needs it first) in the demo owner's workspace.
    const demo = (await adminPost<{ event: { id: string } }>("/api/admin/demo")).event;
    // Another client of the event company, with an event of its own.
    const otherOwner = await newPerson(browser);
    const otherPage = await signedIn(
      otherOwner,
      await signInLink({ email: `owner-${stamp}@other.test`, name: "Olga Other", workspace: `Other client ${stamp}` }),
    );
    const otherMe = await (await otherPage.request.get("/api/admin/auth/me")).json();
    const created = await otherPage.request.post("/api/admin/events", {
      headers: { Origin: origin() },
      data: {
        workspaceId: otherMe.workspaces[0].id,
        slug: `other-${stamp}`,
        title: "Other client's summit",
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 90_000_000).toISOString(),
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const otherEvent = (await created.json()) as { id: string };

    // The demo workspace's owner invites a viewer from the People page.
    const owner = await newPerson(browser);
    const ownerPage = await signedIn(owner, await signInLink());
    await ownerPage.getByRole("link", { name: "People" }).click();
    const viewerEmail = `viewer-${stamp}@demo.test`;
    await ownerPage.getByLabel("Name", { exact: true }).fill("Vera Viewer");
    await ownerPage.getByLabel("E-mail address", { exact: true }).fill(viewerEmail);
    await ownerPage.getByLabel("Role", { exact: true }).selectOption("viewer");
    await ownerPage.getByRole("button", { name: "Send the invitation" }).click();
    await expect.poll(() => ownerPage.getByRole("cell", { name: viewerEmail }).count()).toBe(1);
    // The form is ready for the next person with the usual choice, not the first option (Owner).
    await expect.poll(() => ownerPage.getByLabel("Role", { exact: true }).inputValue()).toBe("organizer");
    expect(await ownerPage.getByRole("radio", { name: "All events" }).first().isChecked()).toBe(true);
    expect(await ownerPage.getByLabel("Name", { exact: true }).inputValue()).toBe("");
    // A second invitation as it comes: an organizer, not an owner.
    const secondEmail = `organizer-${stamp}@demo.test`;
    await ownerPage.getByLabel("Name", { exact: true }).fill("Otto Organizer");
    await ownerPage.getByLabel("E-mail address", { exact: true }).fill(secondEmail);
    await ownerPage.getByRole("button", { name: "Send the invitation" }).click();
    const secondRow = ownerPage.locator("tr", { has: ownerPage.getByRole("cell", { name: secondEmail }) });
    await secondRow.waitFor();
    expect(await secondRow.getByRole("combobox").inputValue()).toBe("organizer");

    // The invitation is in the outbox the owner may read; its link signs the viewer in.
    const outbox = (await (await ownerPage.request.get("/api/admin/outbox?limit=50")).json()) as {
      items: OutboxMessage[];
    };
    const mail = outbox.items.find((m) => m.to.includes(viewerEmail));
    expect(mail?.subject).toBeTruthy();
    const link = linkIn(mail!.text);
    expect(link).toBeTruthy();

    const viewer = await newPerson(browser);
    const viewerPage = await signedIn(viewer, link!);
    // The token left the address bar.
    expect(viewerPage.url()).not.toContain("#");
    // Reads: the demo event's registrations are listed.
    await viewerPage.goto(`/admin?event=${demo.id}`);
    await expect.poll(() => viewerPage.getByRole("table").count()).toBeGreaterThan(0);
    await expect.poll(() => viewerPage.getByRole("cell", { name: /ada/i }).count()).toBeGreaterThan(0);
    // …but is offered nothing that changes anything, and no people or token management.
    const changers = ["Send now", "New link", "Revoke", /send invitations now/i];
    for (const name of changers) expect(await viewerPage.getByRole("button", { name }).count()).toBe(0);
    // (The owner, on the same page, has each of them.)
    await ownerPage.goto(`/admin?event=${demo.id}`);
    for (const name of changers) await ownerPage.getByRole("button", { name }).first().waitFor();
    expect(await viewerPage.getByRole("link", { name: "People" }).count()).toBe(0);
    expect(await viewerPage.getByRole("link", { name: "API tokens" }).count()).toBe(0);
    expect(await seriousA11yViolations(viewerPage)).toEqual([]);
    // The server refuses a change from the viewer too, whatever the page offers.
    const refused = await viewerPage.request.post("/api/admin/events", {
      headers: { Origin: origin() },
      data: {
        slug: `nope-${stamp}`,
        title: "Nope",
        startsAt: new Date().toISOString(),
        endsAt: new Date().toISOString(),
      },
    });
    expect(refused.status()).toBe(403);

    // Another workspace's event by URL: the page says not found, the API answers as for a made-up id.
    await viewerPage.goto(`/admin?event=${otherEvent.id}`);
    await viewerPage
      .getByRole("alert")
      .filter({ hasText: /does not exist/ })
      .waitFor();
    expect(await viewerPage.getByText("Other client's summit").count()).toBe(0);
    const hidden = await viewerPage.request.get(`/api/admin/events/${otherEvent.id}/registrations`);
    const madeUp = await viewerPage.request.get("/api/admin/events/evt_doesnotexist/registrations");
    expect(hidden.status()).toBe(404);
    // The same answer but for the id it echoes.
    const bodyOf = async (res: typeof hidden, id: string) => JSON.stringify(await res.json()).replaceAll(id, "<id>");
    expect(await bodyOf(hidden, otherEvent.id)).toBe(await bodyOf(madeUp, "evt_doesnotexist"));

    // The link was used once: opened again (say, by a mail scanner after the viewer), it signs no one in.
    const again = await newPerson(browser);
    const againPage = await again.newPage();
    await againPage.goto(link!.replace(/^https?:\/\/[^/]+/, origin()));
    await againPage
      .getByRole("alert")
      .filter({ hasText: /sign-in link/ })
      .waitFor();
    expect((await againPage.request.get("/api/admin/auth/me")).status()).toBe(401);

    await Promise.all([otherOwner.close(), owner.close(), viewer.close(), again.close()]);
  });

  it("an owner changes roles on purpose, keeps focus on event limits, demotes themselves with a warning, and signs out for another person's link", async () => {
    const stamp = Date.now().toString(36);
    const workspace = `Polish ${stamp}`;
    const owner = await newPerson(browser);
    const page = await signedIn(
      owner,
      await signInLink({ email: `ann-${stamp}@polish.test`, name: "Ann Owner", workspace }),
    );
    await page.getByRole("link", { name: "People" }).click();
    const bobEmail = `bob-${stamp}@polish.test`;
    await page.getByLabel("Name", { exact: true }).fill("Bob Second");
    await page.getByLabel("E-mail address", { exact: true }).fill(bobEmail);
    await page.getByRole("button", { name: "Send the invitation" }).click();
    const bob = page.locator("tr", { has: page.getByRole("cell", { name: bobEmail }) });
    await bob.waitFor();
    const notice = page.locator(".notice");
    await expect.poll(() => notice.textContent()).toMatch(/Bob Second is invited/);

    // Event limits: focus goes into the opened choice, and back to "Change" when it closes.
    await bob.getByRole("button", { name: "Change the events of Bob Second" }).click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe("radio");
    expect(await page.evaluate(() => document.activeElement?.closest("fieldset")?.id)).toMatch(/^member-events-/);
    await bob.getByRole("button", { name: "Cancel" }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
      "Change the events of Bob Second",
    );

    // Picking a role (by mouse or by arrow key) saves nothing until Save.
    const bobRole = bob.getByRole("combobox");
    await bobRole.focus();
    await page.keyboard.press("ArrowUp");
    await bobRole.selectOption("owner");
    const membersPath = `/api/admin/workspaces/${(await (await page.request.get("/api/admin/auth/me")).json()).workspaces[0].id}/members`;
    const roleOfBob = async () =>
      ((await (await page.request.get(membersPath)).json()) as { items: { email: string; role: string }[] }).items.find(
        (m) => m.email === bobEmail,
      )?.role;
    expect(await roleOfBob()).toBe("organizer");
    await bob.getByRole("button", { name: "Save the role of Bob Second" }).click();
    await expect.poll(roleOfBob).toBe("owner");
    await expect.poll(() => notice.textContent()).toBe("Bob Second is now Owner.");
    // Inviting Bob again fails: the last success message does not stay beside the failure.
    await page.getByLabel("Name", { exact: true }).fill("Bob Second");
    await page.getByLabel("E-mail address", { exact: true }).fill(bobEmail);
    await page.getByRole("button", { name: "Send the invitation" }).click();
    await page.getByText("This person is a member already").waitFor();
    expect(await notice.textContent()).toBe("");
    // A refused event limit: said in the console's words, and focus goes to the limit's choice.
    await page.getByLabel("E-mail address", { exact: true }).fill(`cleo-${stamp}@polish.test`);
    await page.getByLabel("Role", { exact: true }).selectOption("owner");
    await page.locator("#invite-eventIds").getByRole("radio", { name: "Only these events" }).check();
    await page.getByRole("button", { name: "Send the invitation" }).click();
    await page.getByText("Owners see every event: choose All events for an owner.").waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest("fieldset")?.id)).toBe("invite-eventIds");

    // Removing oneself is leaving, and says so.
    const me = page.locator("tr", { has: page.getByRole("cell", { name: `ann-${stamp}@polish.test` }) });
    await me.getByRole("button", { name: "Leave" }).click();
    const leave = page.getByRole("dialog");
    expect(await leave.getByRole("heading").textContent()).toBe(`Leave ${workspace}?`);
    expect(await leave.textContent()).toMatch(/You lose access/);
    await leave.getByRole("button", { name: "Cancel" }).click();

    // One's own role: a warning first, then the console as the new role, with no error.
    await me.getByRole("combobox").selectOption("organizer");
    await me.getByRole("button", { name: "Save the role of Ann Owner" }).click();
    const warning = page.getByRole("dialog");
    expect(await warning.textContent()).toMatch(/You will lose managing people and API tokens/);
    await warning.getByRole("button", { name: "Make me Organizer" }).click();
    await page.getByText(`You are now Organizer in ${workspace}.`).waitFor();
    await expect.poll(() => page.getByRole("link", { name: "People" }).count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe("/admin");
    expect(await page.getByText(/Something went wrong/).count()).toBe(0);

    // Another person's link in this browser: sign out and go on with it.
    const carlLink = await signInLink({
      email: `carl-${stamp}@polish.test`,
      name: "Carl Third",
      workspace: `Carl ${stamp}`,
    });
    await page.goto(carlLink.replace(/^https?:\/\/[^/]+/, origin()));
    await page.getByText("This browser is signed in as someone else").waitFor();
    expect(page.url()).not.toContain("#");
    await page.getByRole("button", { name: "Sign out and continue" }).click();
    await page.getByText("Signed in as Carl Third").waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await owner.close();
  });

  it("API tokens show every missing field at once; the console's pages fit a 390px phone; tabs and sign-ins are told apart", async () => {
    const stamp = Date.now().toString(36);
    const owner = await newPerson(browser);
    const page = await signedIn(
      owner,
      await signInLink({ email: `tess-${stamp}@polish.test`, name: "Tess Tokens", workspace: `Tokens ${stamp}` }),
    );
    await page.getByRole("link", { name: "API tokens" }).click();
    await page.getByRole("button", { name: "Create token" }).click();
    // Both mistakes at once, each tied to its field.
    await page.getByText("Give the token a name.").waitFor();
    await page.getByText("Choose at least one.").waitFor();
    expect(await page.locator("#token-name").getAttribute("aria-describedby")).toBe("token-name-error");
    expect(await page.locator("#token-scopes").getAttribute("aria-describedby")).toBe("token-scopes-error");
    await page.getByLabel("Name (what it is for)").fill("CRM sync");
    await page.getByRole("checkbox", { name: /Read events/ }).check();
    await page.getByRole("button", { name: "Create token" }).click();
    await page.getByRole("heading", { name: "Copy the token CRM sync now" }).waitFor();
    expect(await page.getByText("There are no API tokens yet.").count()).toBe(0);
    await page.getByRole("row", { name: /CRM sync/ }).waitFor();
    expect(await page.getByText("There are no API tokens yet.").count()).toBe(0);

    // My sign-ins: the browser in words, the address, and which one is this.
    await page.getByRole("link", { name: "My sign-ins" }).click();
    const current = page.locator('tr[data-current="true"]');
    await current.waitFor();
    expect(await current.getByRole("rowheader").textContent()).toMatch(/Chrome on Linux\s*This browser/);

    // A member with a long name and address: wide options in the audit log's person filter.
    await page.getByRole("link", { name: "People" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Maximiliaan Alexander van den Berg-Oosterhuis");
    await page
      .getByLabel("E-mail address", { exact: true })
      .fill(`maximiliaan.alexander.vandenberg-${stamp}@a-rather-long-domain.example.test`);
    await page.getByRole("button", { name: "Send the invitation" }).click();
    await page.getByText(/Maximiliaan Alexander van den Berg-Oosterhuis is invited/).waitFor();

    // A phone: no page scrolls sideways; wide tables scroll in their own box.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const name of ["People", "API tokens", "Audit log", "My sign-ins", "Events"]) {
      await page.getByRole("link", { name, exact: true }).click();
      await expect.poll(() => page.getByRole("link", { name, exact: true }).getAttribute("aria-current")).toBe("page");
      await page.waitForLoadState("networkidle");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} at 390px`).toBeLessThanOrEqual(0);
    }

    // The demo event's tabs: the current one is not drawn as focus (no outline without focus).
    const demo = (await adminPost<{ event: { id: string } }>("/api/admin/demo")).event;
    const demoOwner = await newPerson(browser);
    const demoPage = await signedIn(demoOwner, await signInLink());
    await demoPage.goto(`/admin?event=${demo.id}`);
    const tab = demoPage.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Registrations" });
    await tab.waitFor();
    await demoPage.locator("main h1").first().click();
    const looks = await tab.evaluate((el) => {
      const s = getComputedStyle(el);
      return { current: el.getAttribute("aria-current"), outline: s.outlineStyle, bar: s.borderBottomStyle };
    });
    expect(looks).toEqual({ current: "page", outline: "none", bar: "solid" });

    await Promise.all([owner.close(), demoOwner.close()]);
  });
});
