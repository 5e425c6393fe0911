import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { a11yViolations } from "./support/axe";
import { playing } from "./support/video";
import { demoLink, e2eEnabled, enterPortal, launchBrowser, newPerson } from "./support/browser";

const contexts: BrowserContext[] = [];

/** FOYER_E2E_SCREENSHOTS=<dir> keeps a picture of each step worth looking at. */
async function snap(page: Page, name: string): Promise<void> {
  if (process.env.FOYER_E2E_SCREENSHOTS)
    await page.screenshot({ path: `${process.env.FOYER_E2E_SCREENSHOTS}/${name}.png`, fullPage: true });
}

interface SlowCamera {
  cameraHeld: (() => void)[];
  cameraFree?: boolean;
  cameraAsked: Promise<void>;
  holdNextSocket?: boolean;
}

/**
 * A slow camera on a busy machine, made repeatable: the page's camera-only requests (the matrix
 * sender's) wait until `releaseCamera`, and the next socket opened after `holdNextSocket` is set
 * (the sender's own) hears its welcome only once the camera was asked for, i.e. while it opens.
 */
function slowCamera(): void {
  const w = window as unknown as SlowCamera;
  w.cameraHeld = [];
  let asked!: () => void;
  w.cameraAsked = new Promise<void>((resolve) => (asked = resolve));
  const devices = navigator.mediaDevices;
  const open = devices.getUserMedia.bind(devices);
  devices.getUserMedia = async (constraints) => {
    if (constraints?.audio === false && !w.cameraFree) {
      asked();
      await new Promise<void>((resolve) => w.cameraHeld.push(resolve));
    }
    return open(constraints);
  };
  window.WebSocket = class extends WebSocket {
    private readonly held = w.holdNextSocket === true;
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      if (this.held) w.holdNextSocket = false;
    }
    override set onmessage(handler: ((event: MessageEvent) => void) | null) {
      // Every message waits behind the same gate, so their order is kept.
      super.onmessage =
        !handler || !this.held ? handler : (event) => void w.cameraAsked.then(() => handler.call(this, event));
    }
  };
}

const releaseCamera = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as SlowCamera;
    w.cameraFree = true;
    for (const resolve of w.cameraHeld.splice(0)) resolve();
  });

async function portal(browser: Browser, name: string, { slow = false } = {}): Promise<Page> {
  const context = await newPerson(browser);
  contexts.push(context);
  if (slow) await context.addInitScript(slowCamera);
  const page = await context.newPage();
  await enterPortal(page, await demoLink(name));
  await expect.poll(() => page.locator(".session-view").getAttribute("data-ready")).toBe("yes");
  return page;
}

/** The producer's output page, signed in with Pim's link, as OBS would show it. */
async function output(browser: Browser, path: string): Promise<Page> {
  const context = await newPerson(browser);
  contexts.push(context);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(await demoLink("Pim"));
  await page.goto(path);
  return page;
}

describe.skipIf(!e2eEnabled())("stage door in Chromium (fake camera and microphone)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
  });

  it("a raised hand approved by a moderator puts the participant in the studio call and on the clean feed", async () => {
    const [ada, mia] = [await portal(browser, "Ada"), await portal(browser, "Mia")];
    const stageId = await ada.locator("[data-session-id]").getAttribute("data-session-id");

    const door = ada.getByRole("region", { name: "Raise your hand" });
    await door.getByLabel("What would you like to say? (optional)").fill("A question about edge caching");
    await door.getByRole("button", { name: "Raise hand" }).click();
    await expect
      .poll(() => door.getByRole("status").first().textContent())
      .toBe("Your hand is up. You are 1st in line.");
    await snap(ada, "hand-raised");
    expect(await a11yViolations(ada, { selector: "section.stagedoor", all: true })).toEqual([]);

    await mia.getByRole("tab", { name: /^Stage door/ }).click();
    const queue = mia.getByRole("region", { name: /^Raised hands/ });
    const entry = queue.locator("li.hand-item", { hasText: "Ada Lovelace" });
    await expect.poll(() => entry.textContent()).toContain("A question about edge caching");
    expect(await entry.locator("[data-tech-check]").getAttribute("data-tech-check")).toBe("skipped");
    expect(await a11yViolations(mia, { selector: ".stagedoor-panel", all: true })).toEqual([]);
    await mia.emulateMedia({ colorScheme: "dark" });
    expect(await a11yViolations(mia, { selector: ".stagedoor-panel", all: true })).toEqual([]);
    await entry.getByRole("button", { name: "Approve Ada Lovelace into the studio" }).click();

    // Ada is live: the studio call starts by itself, and the stage goes quiet so it cannot echo.
    const studio = ada.locator("section.studio");
    await expect
      .poll(() => studio.getByRole("heading").textContent(), { timeout: 15_000 })
      .toBe("You are live in the studio");
    await expect
      .poll(() => ada.locator('section.studio .call-tile[data-local="yes"]').count(), { timeout: 20_000 })
      .toBe(1);
    expect(await ada.locator("section.stage video").evaluate((v: HTMLVideoElement) => v.muted)).toBe(true);
    expect(await ada.getByText("Stage sound is off while you are in the studio").isVisible()).toBe(true);
    expect(await ada.getByRole("button", { name: "Turn sound on" }).count()).toBe(0);
    expect(await a11yViolations(ada, { selector: "section.stagedoor", all: true })).toEqual([]);

    // The producer's clean feed shows her camera, full frame, playing.
    const feed = await output(browser, `/output/${stageId}/clean-feed`);
    await expect.poll(() => playing(feed, "figure.clean-feed video"), { timeout: 30_000 }).toBe(true);
    const size = await feed
      .locator("figure.clean-feed video")
      .evaluate((v) => v.getBoundingClientRect().toJSON() as DOMRect);
    expect([size.width, size.height]).toEqual([1920, 1080]);
    await snap(feed, "clean-feed");
    await snap(ada, "studio-guest");
    await snap(mia, "stage-door-moderator");
    expect(await a11yViolations(feed, { all: true })).toEqual([]);

    // The moderator ends it: Ada is back in the audience, and the clean feed is empty again.
    await mia
      .locator("li.hand-item", { hasText: "Ada Lovelace" })
      .getByRole("button", { name: "End the contribution of Ada Lovelace" })
      .click();
    await expect.poll(() => door.getByRole("status").first().textContent(), { timeout: 10_000 }).toMatch(/^Thank you!/);
    expect(await ada.locator("section.studio").count()).toBe(0);
    expect(await ada.getByRole("button", { name: "Turn sound on" }).isVisible()).toBe(true);
    await expect.poll(() => feed.locator("figure.clean-feed").count(), { timeout: 10_000 }).toBe(0);
  });

  it("staff and an approved guest are in the studio call with one action, and out of it with one", async () => {
    const [ada, mia] = [await portal(browser, "Ada"), await portal(browser, "Mia")];
    const description = (button: Locator) =>
      button.evaluate((b) => document.getElementById(b.getAttribute("aria-describedby") ?? "")?.textContent);
    const studioTiles = (page: Page) => page.locator("section.studio .call-tile");

    // Staff: "Join the stream room" is the only click; there is no second "Join call".
    await mia.getByRole("tab", { name: /^Stage door/ }).click();
    await mia.getByRole("button", { name: "Join the stream room" }).click();
    await expect
      .poll(() => mia.locator('section.studio .call-tile[data-local="yes"]').count(), { timeout: 20_000 })
      .toBe(1);
    expect(await mia.getByRole("button", { name: "Join call" }).count()).toBe(0);

    // A guest: approved, and in the call with nothing more to do.
    const door = ada.getByRole("region", { name: "Raise your hand" });
    await door.getByRole("button", { name: "Raise hand" }).click();
    await mia.getByRole("button", { name: "Approve Ada Lovelace into the studio" }).click();
    await expect
      .poll(() => ada.locator('section.studio .call-tile[data-local="yes"]').count(), { timeout: 20_000 })
      .toBe(1);
    expect(await ada.getByRole("button", { name: "Join call" }).count()).toBe(0);
    await expect.poll(() => studioTiles(mia).count(), { timeout: 20_000 }).toBe(2);

    // One way out for each, in the call's controls, saying what it does; no separate "Leave".
    for (const page of [ada, mia]) {
      expect(
        await page
          .locator("section.studio")
          .getByRole("button", { name: /^Leave/ })
          .allTextContents(),
      ).toEqual(["Leave the studio"]);
      expect(
        await page.locator('section.studio [role="toolbar"]').getByRole("button", { name: "Leave the studio" }).count(),
      ).toBe(1);
    }
    const adaLeaves = ada.getByRole("button", { name: "Leave the studio" });
    expect(await description(adaLeaves)).toBe(
      "Leaves the studio call and the stream room. You are back in the audience and hear the stage again.",
    );
    expect(await description(mia.getByRole("button", { name: "Leave the studio" }))).toBe(
      "Leaves the studio call and the stream room. You can join again at any time.",
    );
    expect(await a11yViolations(ada, { selector: "section.stagedoor" })).toEqual([]);

    // The guest leaves: out of the call and the stream room, back in the audience, told so.
    await adaLeaves.click();
    await expect.poll(() => ada.locator("section.studio").count()).toBe(0);
    await expect
      .poll(() => door.getByRole("status").first().textContent())
      .toBe("You left the studio. You are back in the audience.");
    expect(await ada.evaluate(() => document.activeElement?.textContent)).toBe("Raise your hand");
    expect(await ada.getByRole("button", { name: "Turn sound on" }).isVisible()).toBe(true);
    await expect.poll(() => studioTiles(mia).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => mia.locator('li.hand-item[data-status="live"]').count()).toBe(0);

    // Staff leave the same way, and can come back in with one click.
    await mia.getByRole("button", { name: "Leave the studio" }).click();
    await expect.poll(() => mia.locator("section.studio").count()).toBe(0);
    const join = mia.getByRole("button", { name: "Join the stream room" });
    expect(await join.evaluate((b) => b === document.activeElement)).toBe(true);
    // Their stage players would only slow the tests that follow.
    for (const page of [ada, mia]) await page.context().close();
  }, 120_000);

  it("the matrix output shows the cameras of the participants who opted in, and drops one a moderator removes", async () => {
    const [ada, chloe, bram, mia] = [
      await portal(browser, "Ada"),
      await portal(browser, "Chlo"),
      await portal(browser, "Bram"),
      await portal(browser, "Mia"),
    ];
    const stageId = await mia.locator("[data-session-id]").getAttribute("data-session-id");
    for (const page of [ada, chloe]) {
      await page.getByLabel("Let the participants matrix show my camera").check();
      await expect.poll(() => page.getByLabel("Let the participants matrix show my camera").isChecked()).toBe(true);
    }

    await mia.getByRole("tab", { name: /^Stage door/ }).click();
    const controls = mia.getByRole("region", { name: "Participants matrix" });
    await controls.getByLabel("Turn the page every … seconds").fill("0");
    await controls.getByRole("button", { name: "Show the matrix" }).click();
    await expect
      .poll(() => controls.locator(".matrix-people li").allTextContents())
      .toEqual([expect.stringMatching(/^Ada Lovelace/), expect.stringMatching(/^Chloé Martin/)]);

    const matrix = await output(browser, `/output/${stageId}/matrix?names=1`);
    await expect
      .poll(() => matrix.locator(".lower-third").allTextContents(), { timeout: 15_000 })
      .toEqual(["Ada Lovelace", "Chloé Martin"]);
    for (const n of [1, 2]) {
      await expect.poll(() => playing(matrix, `.matrix-tile:nth-child(${n}) video`), { timeout: 30_000 }).toBe(true);
    }
    // The people shown can tell; Bram, who never opted in, is not on it.
    for (const page of [ada, chloe])
      await expect
        .poll(() => page.getByText("Your camera is on screen in the participants matrix").isVisible())
        .toBe(true);
    expect(await bram.getByText("Your camera is on screen in the participants matrix").count()).toBe(0);
    expect(await a11yViolations(matrix, { all: true })).toEqual([]);
    await snap(matrix, "matrix");
    await snap(mia, "matrix-controls");
    expect(await a11yViolations(ada, { selector: ".stagedoor-self", all: true })).toEqual([]);

    await controls.getByRole("button", { name: "Remove Chloé Martin from the matrix" }).click();
    await expect.poll(() => matrix.locator(".lower-third").allTextContents()).toEqual(["Ada Lovelace"]);
    await expect.poll(() => chloe.getByText("Your camera is on screen in the participants matrix").count()).toBe(0);

    await controls.getByRole("button", { name: "Switch the matrix off" }).click();
    await expect.poll(() => matrix.locator(".matrix-tile").count()).toBe(0);
    await controls.getByRole("button", { name: "Allow Chloé Martin in the matrix again" }).click();
    for (const page of [ada, chloe]) await page.getByLabel("Let the participants matrix show my camera").uncheck();
  });

  it("shows the camera of someone whose camera opens only after the output page joined the matrix call", async () => {
    // Their own socket for the matrix is welcomed while the camera still opens. Joining on that
    // welcome used to put them in the call with nothing to send, and joining again once the camera
    // was open left the output waiting for an offer that never came: a black tile.
    // The earlier tests' pages are closed: another page of Chloé's would send her camera too.
    for (const context of contexts.splice(0)) await context.close();
    const [chloe, mia] = [await portal(browser, "Chlo", { slow: true }), await portal(browser, "Mia")];
    const stageId = await mia.locator("[data-session-id]").getAttribute("data-session-id");
    await chloe.getByLabel("Let the participants matrix show my camera").check();
    await expect.poll(() => chloe.getByLabel("Let the participants matrix show my camera").isChecked()).toBe(true);

    await mia.getByRole("tab", { name: /^Stage door/ }).click();
    const controls = mia.getByRole("region", { name: "Participants matrix" });
    await controls.getByLabel("Turn the page every … seconds").fill("0");
    await chloe.evaluate(() => ((window as unknown as SlowCamera).holdNextSocket = true));
    await controls.getByRole("button", { name: "Show the matrix" }).click();
    await expect
      .poll(() => chloe.getByText("Your camera is on screen in the participants matrix").isVisible())
      .toBe(true);

    const matrix = await output(browser, `/output/${stageId}/matrix?names=1`);
    await expect
      .poll(() => matrix.locator(".lower-third").allTextContents(), { timeout: 15_000 })
      .toEqual(["Chloé Martin"]);
    await expect
      .poll(() => matrix.locator(".matrix-grid").getAttribute("data-calls-joined"), { timeout: 15_000 })
      .toBe("1");
    await releaseCamera(chloe);
    await expect.poll(() => playing(matrix, ".matrix-tile:nth-child(1) video"), { timeout: 30_000 }).toBe(true);

    await controls.getByRole("button", { name: "Switch the matrix off" }).click();
    await expect.poll(() => matrix.locator(".matrix-tile").count()).toBe(0);
    await chloe.getByLabel("Let the participants matrix show my camera").uncheck();
  });
});
