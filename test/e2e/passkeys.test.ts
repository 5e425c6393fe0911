import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalServer, startLocalServer } from "../../scripts/lib/local-server";
import { seriousA11yViolations } from "./support/axe";
import { e2eEnabled, launchBrowser, signInLink } from "./support/browser";

/**
 * Passkeys end to end, with Chromium's virtual authenticator (CDP WebAuthn domain) standing in
 * for a laptop's fingerprint reader: an owner signs in by link, adds a passkey in My sign-ins,
 * signs out, signs in with the passkey button alone, and removes it.
 *
 * WebAuthn refuses an IP address as the relying party, and the shared e2e server lives at
 * http://127.0.0.1:<port>; so this file runs a server of its own whose PUBLIC_URL is
 * http://localhost:<port>, leaving every other test's origin as it was.
 */
describe.skipIf(!e2eEnabled())("passkeys in the console", () => {
  let browser: Browser;
  let server: LocalServer;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startLocalServer({}, { host: "localhost" }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("an owner adds a passkey, signs out, signs in with the passkey alone, then removes it", async () => {
    const context = await browser.newContext({
      baseURL: server.origin,
      locale: "en-US",
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("WebAuthn.enable", { enableUI: false });
    const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });

    // Signed in by an e-mailed link first: a passkey is added by someone already signed in.
    const link = await signInLink(undefined, server);
    expect(new URL(link).hostname).toBe("localhost");
    await page.goto(link);
    await page.getByRole("navigation", { name: /organizer console/i }).waitFor();
    await page.getByRole("link", { name: "My sign-ins" }).click();
    await page.getByRole("heading", { name: "Passkeys" }).waitFor();
    await page.getByText("You have no passkeys yet.").waitFor();

    // A name is asked for, and its absence said next to the field.
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await page.getByText("Give the passkey a name.").waitFor();
    expect(await page.getByLabel("Name of the new passkey").getAttribute("aria-invalid")).toBe("true");

    await page.getByLabel("Name of the new passkey").fill("Test laptop");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await page.getByRole("status").filter({ hasText: "Passkey “Test laptop” added." }).waitFor();
    await page.getByRole("rowheader", { name: "Test laptop" }).waitFor();
    const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]!.isResidentCredential).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Renamed in its row, with the keyboard.
    await page.getByRole("button", { name: "Rename" }).click();
    const rename = page.getByLabel("New name for “Test laptop”");
    await expect.poll(() => rename.evaluate((el) => el === document.activeElement)).toBe(true);
    await rename.fill("Work laptop");
    await rename.press("Enter");
    await page.getByRole("rowheader", { name: "Work laptop" }).waitFor();

    // Signed out, then in again with the passkey button alone: no address, no link.
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    const passkeyButton = page.getByRole("button", { name: "Sign in with a passkey" });
    await passkeyButton.waitFor();
    expect((await page.request.get("/api/admin/auth/me")).status()).toBe(401);
    await passkeyButton.click();
    await page.getByRole("navigation", { name: /organizer console/i }).waitFor();
    const me = (await (await page.request.get("/api/admin/auth/me")).json()) as { email: string };
    expect(me.email).toBe("owner@demo.foyer.test");
    const cookie = (await context.cookies()).find((c) => c.name === "foyer_admin");
    // Secure except over plain HTTP on loopback (this server), where Safari would drop it.
    expect(cookie).toMatchObject({ httpOnly: true, secure: false, sameSite: "Strict" });

    // Its last use shows; then it is removed after an in-page confirmation.
    await page.getByRole("link", { name: "My sign-ins" }).click();
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Work laptop" }) });
    await row.waitFor();
    expect(await row.getByRole("cell").nth(1).textContent()).not.toBe("Not yet");
    await row.getByRole("button", { name: "Remove" }).click();
    const dialog = page.getByRole("dialog", { name: "Remove the passkey “Work laptop”?" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Remove passkey" }).click();
    await page.getByText("You have no passkeys yet.").waitFor();

    // The authenticator still holds it, but it signs nobody in any more: said next to the button.
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await passkeyButton.click();
    await page.getByText("That passkey did not sign you in.", { exact: false }).waitFor();
    expect((await page.request.get("/api/admin/auth/me")).status()).toBe(401);

    await context.close();
  });
});
