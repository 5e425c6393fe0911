import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoLink, e2eEnabled, launchBrowser, newPerson } from "./support/browser";

describe.skipIf(!e2eEnabled())("tech check in Chromium with fake camera and microphone", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("checks every device, shows the camera, remembers the result, and can be run again", async () => {
    const context = await newPerson(browser);
    await context.grantPermissions(["camera", "microphone"]);
    const page = await context.newPage();
    await page.goto(await demoLink("Mia"));
    await page.waitForURL("**/portal");
    // Other test files may already have passed Mia's first-visit check; open it explicitly.
    await page.goto("/portal/tech-check");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Quick tech check");

    const verdict = (id: string) => page.locator(`[data-check="${id}"]`).getAttribute("data-verdict");
    await expect.poll(() => verdict("browser")).toBe("pass");
    await expect.poll(() => verdict("camera")).toBe("pass");
    await expect.poll(() => verdict("microphone"), { timeout: 15_000 }).toBe("pass");
    await expect.poll(() => verdict("network"), { timeout: 15_000 }).toMatch(/pass|warn/);
    // The preview shows the (fake) camera picture.
    await expect
      .poll(() => page.getByLabel("Camera preview").evaluate((v: HTMLVideoElement) => v.videoWidth))
      .toBeGreaterThan(0);

    await page.getByRole("button", { name: "Play test sound" }).click();
    await page.getByRole("button", { name: "I heard it" }).click();
    await expect.poll(() => verdict("speakers")).toBe("pass");
    await expect
      .poll(() =>
        page
          .getByRole("status")
          .filter({ hasText: /All set|You can join/ })
          .count(),
      )
      .toBe(1);

    await page.getByRole("button", { name: "Continue to the event" }).click();
    await expect.poll(() => page.locator("[data-portal-page]").getAttribute("data-portal-page")).toBe("session");
    const me = (await (await page.request.get("/api/me")).json()) as { techCheck: { overall: string } | null };
    expect(me.techCheck?.overall).toMatch(/pass|warn/);

    // A reload lands in the portal: the check is not asked again…
    await page.reload();
    await expect.poll(() => page.locator("[data-portal-page]").getAttribute("data-portal-page")).toBe("session");
    // …but can be run again from the portal.
    await page.getByRole("link", { name: "Tech check" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Quick tech check");
    await context.close();
  });

  it("shows the microphone level it judged by: up when it says it hears you, and moving while the check is open", async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    await page.goto(await demoLink("Ada"));
    await page.waitForURL("**/portal**");
    await page.goto("/portal/tech-check");
    const microphone = page.locator('[data-check="microphone"]');
    // Chromium's fake microphone beeps twice a second: sound in short bursts with silence between, like speech.
    await expect.poll(() => microphone.getAttribute("data-verdict"), { timeout: 15_000 }).toBe("pass");
    expect(await microphone.locator(".tech-check-message").textContent()).toBe("We can hear you.");
    // From the moment it says so, the bar stays at least at the mark that counts as heard (the
    // meter's "low"), between the beeps too, and follows the sound rather than standing still.
    const meter = page.getByRole("meter", { name: "Microphone level" });
    const samples: { value: number; low: number }[] = [];
    for (let i = 0; i < 10; i++) {
      samples.push(await meter.evaluate((m: HTMLMeterElement) => ({ value: m.value, low: m.low })));
      await page.waitForTimeout(130);
    }
    for (const s of samples) expect(s.value).toBeGreaterThanOrEqual(s.low);
    expect(samples[0]!.low).toBeGreaterThan(0);
    expect(new Set(samples.map((s) => s.value)).size).toBeGreaterThan(1);
    await context.close();
  });

  it("explains how to fix a blocked camera, in the person's language", async () => {
    const context = await newPerson(browser);
    const page = await context.newPage();
    // Deny the camera for this page only: the fake-UI flag would otherwise allow it.
    await page.addInitScript(() => {
      const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = (c?: MediaStreamConstraints) =>
        c?.video ? Promise.reject(new DOMException("denied", "NotAllowedError")) : real(c);
    });
    await page.goto(await demoLink("Pim"));
    await page.waitForURL("**/portal/**");
    // Other tests may have passed Pim's first-visit check already: open it explicitly.
    await page.goto("/portal/tech-check");
    const camera = page.locator('[data-check="camera"]');
    await expect.poll(() => camera.getAttribute("data-verdict")).toBe("fail");
    // Pim registered in Dutch.
    expect(await camera.textContent()).toContain("Sta de camera toe in de adresbalk van je browser");
    await context.close();
  });
});
