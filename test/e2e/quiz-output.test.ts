import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { a11yViolations } from "./support/axe";
import { demoLink, e2eEnabled, enterPortal, launchBrowser, newPerson } from "./support/browser";

const contexts: BrowserContext[] = [];

async function portal(browser: Browser, name: string): Promise<Page> {
  const context = await newPerson(browser);
  contexts.push(context);
  const page = await context.newPage();
  await enterPortal(page, await demoLink(name));
  await expect.poll(() => page.locator(".session-view").getAttribute("data-ready")).toBe("yes");
  return page;
}

/** Pim's output page at broadcast size, as OBS captures it. Pim reads Foyer in Dutch; the demo event is English. */
async function output(browser: Browser, path: string): Promise<Page> {
  const context = await newPerson(browser, "nl-NL");
  contexts.push(context);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(await demoLink("Pim"));
  await page.goto(path);
  await expect.poll(() => page.locator(".output-stage").getAttribute("data-ready")).toBe("yes");
  return page;
}

/** Each option on the output as the broadcast shows it: its letter and its text. */
const shownOptions = (page: Page) =>
  page
    .locator(".output-option")
    .evaluateAll((items) =>
      items.map((li) => [
        li.querySelector(".option-letter")?.textContent,
        li.querySelector(".option-text")?.textContent,
      ]),
    );

describe.skipIf(!e2eEnabled())("the quiz on the producer's output", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
  });

  it("shows the options while the question runs, marks the right one on the reveal, in the event's language, and is nobody here", async () => {
    const [mia, ada] = [await portal(browser, "Mia"), await portal(browser, "Ada")];
    const sessionId = await mia.locator(".session-header[data-session-id]").getAttribute("data-session-id");
    const title = `Edge trivia ${Date.now().toString(36)}`;

    await mia.getByRole("tab", { name: "Moderate" }).click();
    await mia.locator("summary", { hasText: "New quiz" }).click();
    const editor = mia.getByRole("form", { name: "New quiz" });
    await editor.getByLabel("Title", { exact: true }).fill(title);
    await editor.getByLabel("Question", { exact: true }).fill("Where does a Worker run?");
    await editor.getByLabel("Option 1").fill("In one data centre");
    await editor.getByLabel("Option 2").fill("Close to every user");
    await editor.getByRole("button", { name: "Add an option" }).click();
    await editor.getByLabel("Option 3").fill("On the user's laptop");
    await editor.getByRole("radio", { name: "Right answer" }).nth(1).check();
    await editor.getByLabel("Seconds to answer").fill("90");
    await editor.getByRole("button", { name: "Create" }).click();
    const item = mia.locator("li.item", { hasText: title });
    await item.getByRole("button", { name: "Start" }).click();

    const pim = await output(browser, `/output/${sessionId}/quiz`);
    const quiz = pim.locator(".output-quiz");
    await expect.poll(() => quiz.locator("h1").textContent()).toBe(title);
    await expect.poll(() => pim.locator(".output-question-text").textContent()).toBe("Where does a Worker run?");
    // The options, in order, lettered as on the participants' buttons.
    await expect
      .poll(() => shownOptions(pim))
      .toEqual([
        ["A", "In one data centre"],
        ["B", "Close to every user"],
        ["C", "On the user's laptop"],
      ]);
    await expect.poll(() => ada.getByRole("tab", { name: /^Quiz/ }).count()).toBe(1);
    await ada.getByRole("tab", { name: /^Quiz/ }).click();
    const adaOptions = ada.locator(".quiz-option .quiz-letter");
    await expect.poll(() => adaOptions.allTextContents()).toEqual(["A", "B", "C"]);

    // Legible on 1920×1080: large type, nothing outside the frame.
    const boxes = await pim.locator(".output-option").evaluateAll((items) =>
      items.map((li) => {
        const r = li.getBoundingClientRect();
        return {
          fontSize: parseFloat(getComputedStyle(li.querySelector(".option-text")!).fontSize),
          right: r.right,
          bottom: r.bottom,
        };
      }),
    );
    for (const box of boxes) {
      expect(box.fontSize).toBeGreaterThanOrEqual(40);
      expect(box.right).toBeLessThanOrEqual(1920);
      expect(box.bottom).toBeLessThanOrEqual(1080);
    }
    // The countdown and the answered count, in the event's language (English), not Pim's (Dutch).
    await expect.poll(() => pim.locator(".output-timer .countdown").textContent()).toMatch(/^\d+ s left$/);
    await expect.poll(() => pim.locator(".output-quiz-side .output-count").textContent()).toBe("Answered: 0");
    expect(await pim.locator("html").getAttribute("lang")).toBe("en");
    expect(await a11yViolations(pim)).toEqual([]);

    await ada.getByRole("button", { name: /Close to every user/ }).click();
    await expect.poll(() => pim.locator(".output-quiz-side .output-count").textContent()).toBe("Answered: 1");

    // The output page is not a person: Mia still sees two people here (herself and Ada).
    await expect.poll(() => mia.locator(".here").getAttribute("data-count")).toBe("2");
    const people = mia.locator(".people .person > span:first-child");
    expect((await people.allTextContents()).sort()).toEqual(["Ada Lovelace", "Mia Moderator"]);

    await item.getByRole("button", { name: "End question now" }).click();
    await expect.poll(() => quiz.getAttribute("data-phase")).toBe("revealed");
    // The right option is marked where it stands, not only named.
    const marks = await pim.locator(".output-option").evaluateAll((items) =>
      items.map((li) => ({
        correct: li.getAttribute("data-correct"),
        mark: li.querySelector(".option-mark") !== null,
        border: getComputedStyle(li).borderTopColor,
        count: li.querySelector(".option-count")?.textContent,
      })),
    );
    expect(marks.map((m) => [m.correct, m.mark, m.count])).toEqual([
      ["no", false, "Chosen by 0"],
      ["yes", true, "Chosen by 1"],
      ["no", false, "Chosen by 0"],
    ]);
    expect(marks[1]!.border).not.toBe(marks[0]!.border);
    expect(await shownOptions(pim)).toHaveLength(3);
    await expect
      .poll(() => pim.locator(".output-quiz-side .leaderboard-row .name").allTextContents())
      .toEqual(["Ada Lovelace"]);
    expect(await a11yViolations(pim)).toEqual([]);

    // A Dutch broadcast of the same event: `?lang=nl` on the browser source.
    const dutch = await output(browser, `/output/${sessionId}/quiz?lang=nl`);
    await expect.poll(() => dutch.locator(".output-quiz .output-sub").textContent()).toBe("Vraag 1 van 1");
    await expect
      .poll(() => dutch.locator(".output-option[data-correct=yes] .option-count").textContent())
      .toBe("Gekozen door 1");
    expect(await dutch.locator("html").getAttribute("lang")).toBe("nl");

    // After the last question: the final leaderboard.
    await item.getByRole("button", { name: "Finish quiz" }).click();
    await expect.poll(() => quiz.getAttribute("data-status")).toBe("closed");
    await expect.poll(() => quiz.locator("h2").textContent()).toBe("Leaderboard");
    await expect.poll(() => quiz.locator(".leaderboard-row .name").allTextContents()).toEqual(["Ada Lovelace"]);

    // A fresh look at who is here (from the snapshot, not the live updates): still two people.
    await mia.reload();
    await expect.poll(() => mia.locator(".session-view").getAttribute("data-ready")).toBe("yes");
    await expect.poll(() => mia.locator(".here").getAttribute("data-count")).toBe("2");
    await mia.getByRole("tab", { name: "Moderate" }).click();
    await expect.poll(async () => (await people.allTextContents()).sort()).toEqual(["Ada Lovelace", "Mia Moderator"]);
    // Four browser profiles and a whole quiz: on a busy shared machine this takes longer than most.
  }, 120_000);
});
