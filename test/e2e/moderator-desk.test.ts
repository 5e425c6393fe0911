import type { Browser, Page } from "playwright-core";
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
} from "./support/browser";

/** How the page sits in the window: what a moderator would notice first. */
async function layout(page: Page) {
  return page.evaluate(() => {
    const rect = (el: Element | null) => el?.getBoundingClientRect() ?? null;
    return {
      // Every tab list: the distinct vertical positions of its tabs (one line: one position).
      tabLines: [...document.querySelectorAll('[role="tablist"]')].map(
        (list) =>
          new Set([...list.querySelectorAll('[role="tab"]')].map((tab) => Math.round(tab.getBoundingClientRect().top)))
            .size,
      ),
      // The selected tab of each list lies within the list's visible box (not scrolled away).
      selectedInView: [...document.querySelectorAll('[role="tablist"]')].map((list) => {
        const tab = list.querySelector('[role="tab"][aria-selected="true"]');
        const [l, t] = [list.getBoundingClientRect(), tab?.getBoundingClientRect()];
        return !!t && t.left >= l.left - 1 && t.right <= l.right + 1;
      }),
      pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
      controls: rect(document.querySelector(".moderation"))?.width ?? 0,
      pollCard: rect(document.querySelector('[aria-labelledby="mod-poll"]'))?.width ?? 0,
      media: rect(document.querySelector(".session-layout > .media"))?.width ?? 0,
    };
  });
}

describe.skipIf(!e2eEnabled())("the moderator's control desk", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("gives the controls room beside the media at 1440×900 and stays usable at 390×844, axe-clean", async () => {
    const context = await newPerson(browser);
    const mia = await context.newPage();
    await mia.setViewportSize({ width: 1440, height: 900 });
    await enterPortal(mia, await demoLink("Mia"));
    // A breakout of its own, so the polls opened here do not show up in other tests' stage.
    await openFromProgramme(mia, "Breakout: design critique");
    await mia.locator(".session-view[data-ready='yes']").waitFor();
    const sessionId = await mia.locator(".session-header[data-session-id]").getAttribute("data-session-id");
    const stamp = Date.now().toString(36);
    await adminPost(`/api/admin/sessions/${sessionId}/prepared`, {
      kind: "poll",
      definition: { question: `Desk poll ${stamp}`, kind: "single", options: ["Yes", "No"] },
    });
    await adminPost(`/api/admin/sessions/${sessionId}/prepared`, {
      kind: "wordcloud",
      definition: { prompt: `Desk cloud ${stamp}` },
    });

    // Polls and word clouds open: the audience's tabs and the moderator's make six in all.
    await mia.getByRole("tab", { name: "Moderate" }).click();
    for (const title of [`Desk poll ${stamp}`, `Desk cloud ${stamp}`]) {
      const item = mia.locator("li.item", { hasText: title });
      await item.getByRole("button", { name: "Open" }).click();
      await expect.poll(() => item.locator(".badge").first().textContent()).toBe("Open");
    }
    await mia.getByRole("tab", { name: /^Word cloud/ }).waitFor();
    await mia.getByRole("tab", { name: "Moderate" }).click();

    // Soft checks: a page that fails here is still measured on the phone below.
    const wide = await layout(mia);
    expect(wide.tabLines.length).toBeGreaterThan(0);
    expect.soft(wide.tabLines).toEqual(wide.tabLines.map(() => 1));
    expect.soft(wide.pageOverflow).toBeLessThanOrEqual(0);
    // The controls get the larger share of the width, beside the media (not under a narrow column).
    expect.soft(wide.controls).toBeGreaterThanOrEqual(720);
    expect.soft(wide.pollCard).toBeGreaterThanOrEqual(420);
    expect.soft(wide.controls).toBeGreaterThan(wide.media);
    const controls = await mia.locator(".moderation").boundingBox();
    const media = await mia.locator(".session-layout > .media").boundingBox();
    expect.soft(controls!.x).toBeGreaterThan(media!.x + media!.width - 1);
    expect.soft(controls!.y).toBeLessThan(900);
    expect(await seriousA11yViolations(mia)).toEqual([]);

    await mia.setViewportSize({ width: 390, height: 844 });
    // The last tab of the audience's list, chosen on a phone, scrolls into view rather than wrapping.
    await mia.getByRole("tab", { name: /^Word cloud/ }).click();
    const narrow = await layout(mia);
    expect(narrow.tabLines).toEqual(narrow.tabLines.map(() => 1));
    expect(narrow.selectedInView.every(Boolean)).toBe(true);
    expect(narrow.pageOverflow).toBeLessThanOrEqual(0);
    expect(narrow.controls).toBeGreaterThanOrEqual(300);
    for (const scheme of ["light", "dark"] as const) {
      await mia.emulateMedia({ colorScheme: scheme });
      expect(await seriousA11yViolations(mia)).toEqual([]);
    }
    await context.close();
  });

  it("leaves the participants' page as it was: media and conversation side by side, no desk", async () => {
    const context = await newPerson(browser);
    const ada = await context.newPage();
    await ada.setViewportSize({ width: 1440, height: 900 });
    await enterPortal(ada, await demoLink("Ada"));
    await ada.locator(".session-view[data-ready='yes']").waitFor();
    expect(await ada.locator(".control-desk").count()).toBe(0);
    expect(await ada.getByRole("tab", { name: "Moderate" }).count()).toBe(0);
    const [view, media] = [
      await ada.locator(".session-view").boundingBox(),
      await ada.locator(".session-layout > .media").boundingBox(),
    ];
    expect(view!.x).toBeGreaterThan(media!.x + media!.width - 1);
    expect(media!.width).toBeGreaterThan(view!.width);
    await context.close();
  });
});
