import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adminPost,
  demoLink,
  e2eEnabled,
  enterPortal,
  launchBrowser,
  newPerson,
  openFromProgramme,
} from "./support/browser";

async function inBreakout(browser: Browser, name: string): Promise<Page> {
  const page = await (await newPerson(browser)).newPage();
  await enterPortal(page, await demoLink(name));
  // A breakout of its own: mutes, questions and quizzes here stay out of other tests' stage.
  // Bram reads the programme in Dutch.
  await openFromProgramme(page, name === "Bram" ? "Deelsessie: ontwerpkritiek" : "Breakout: design critique");
  await page.locator(".session-view[data-ready='yes']").waitFor();
  return page;
}

const stamp = () => Date.now().toString(36);

/** The details of the live interactions that people notice after a few hours of an event. */
describe.skipIf(!e2eEnabled())("live interactions, moderator and participant details", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a muted person's chat line offers Unmute, right where the moderator muted them", async () => {
    const [mia, ada] = await Promise.all([inBreakout(browser, "Mia"), inBreakout(browser, "Ada")]);
    const text = `Hello from Ada ${stamp()}`;
    await ada.getByRole("textbox", { name: "Message" }).fill(text);
    await ada.getByRole("button", { name: "Send", exact: true }).click();
    const line = mia.locator(".chat-line", { hasText: text });
    await line.getByRole("button", { name: "Mute Ada Lovelace in the chat" }).click();
    await expect
      .poll(() => ada.locator(".chat .notice").textContent())
      .toBe("A moderator muted you in this chat. You can still read along.");
    const unmute = line.getByRole("button", { name: "Unmute Ada Lovelace in the chat" });
    await unmute.waitFor();
    expect(await unmute.textContent()).toBe("Unmute");
    await unmute.click();
    await line.getByRole("button", { name: "Mute Ada Lovelace in the chat" }).waitFor();
    await ada.getByRole("textbox", { name: "Message" }).waitFor();
    for (const page of [mia, ada]) await page.context().close();
  }, 120_000);

  it("askers see their own question's upvotes but get no button to upvote it", async () => {
    const [ada, bram] = await Promise.all([inBreakout(browser, "Ada"), inBreakout(browser, "Bram")]);
    for (const page of [ada, bram]) await page.getByRole("tab", { name: /^(Q&A|Vragen)$/ }).click();
    const text = `Will the slides be shared? ${stamp()}`;
    await ada.getByLabel("Your question").fill(text);
    await ada.getByRole("button", { name: "Ask", exact: true }).click();
    // Everyone else can upvote it; the asker sees the count, marked as hers, and no button.
    const upvote = {
      name: new RegExp(`^(Upvote the question|Stem op de vraag) “${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}”`),
    };
    await bram.getByRole("button", upvote).waitFor();
    const own = ada.locator(".question", { hasText: text });
    await own.waitFor();
    expect(await own.getByRole("button", upvote).count()).toBe(0);
    expect(await own.textContent()).toContain("Your question");
    await bram.getByRole("button", upvote).click();
    await expect.poll(() => own.locator(".upvote .count").textContent()).toBe("1");
    for (const page of [ada, bram]) await page.context().close();
  }, 120_000);

  it("the asker hears what became of a question sent for review: approved, or not published", async () => {
    const [mia, ada] = await Promise.all([inBreakout(browser, "Mia"), inBreakout(browser, "Ada")]);
    await mia.getByRole("tab", { name: "Moderate" }).click();
    await mia.getByLabel("Approve questions before they show").check();
    for (const page of [mia, ada]) await page.getByRole("tab", { name: "Q&A" }).click();
    const note = ada.locator(".asked-note");

    const kept = `Is there a recording? ${stamp()}`;
    await ada.getByLabel("Your question").fill(kept);
    await ada.getByRole("button", { name: "Ask", exact: true }).click();
    await expect
      .poll(() => note.textContent())
      .toBe("Your question was sent. A moderator will review it before it shows.");
    await mia.getByRole("group", { name: kept }).getByRole("button", { name: "Approve" }).click();
    // The review note does not linger: it says what happened.
    await expect.poll(() => note.textContent()).toBe("A moderator approved your question: everyone can see it now.");
    await ada.locator(".questions:not(.mine) .question", { hasText: kept }).waitFor();

    const dropped = `Off-topic question ${stamp()}`;
    await ada.getByLabel("Your question").fill(dropped);
    await ada.getByRole("button", { name: "Ask", exact: true }).click();
    await expect
      .poll(() => note.textContent())
      .toBe("Your question was sent. A moderator will review it before it shows.");
    await mia.getByRole("group", { name: dropped }).getByRole("button", { name: "Dismiss" }).click();
    await expect.poll(() => note.textContent()).toBe("A moderator did not publish your question.");
    expect(await ada.locator(".questions.mine .question", { hasText: dropped }).textContent()).toContain("Dismissed");

    await mia.getByRole("tab", { name: "Moderate" }).click();
    await mia.getByLabel("Approve questions before they show").uncheck();
    for (const page of [mia, ada]) await page.context().close();
  }, 120_000);

  it("a quiz says where a player stands right after answering, and that it is over after the last question", async () => {
    const [mia, ada] = await Promise.all([inBreakout(browser, "Mia"), inBreakout(browser, "Ada")]);
    const sessionId = await mia.locator(".session-header[data-session-id]").getAttribute("data-session-id");
    const title = `Last question quiz ${stamp()}`;
    await adminPost(`/api/admin/sessions/${sessionId}/prepared`, {
      kind: "quiz",
      definition: {
        title,
        questions: [{ text: "Which planet is red?", options: ["Mars", "Venus"], correct: 0, seconds: 60 }],
      },
    });
    await mia.getByRole("tab", { name: "Moderate" }).click();
    const item = mia.locator("li.item", { hasText: title });
    await item.getByRole("button", { name: "Start" }).click();

    await ada.getByRole("tab", { name: /^Quiz/ }).click();
    const card = ada.locator("article.quiz-card", { hasText: title });
    await card.getByRole("button", { name: "Mars" }).click();
    await expect.poll(() => card.locator(".quiz-option[aria-pressed='true']").count()).toBe(1);
    // Soft: the end of the quiz below is checked even when this part fails.
    expect
      .soft(await card.locator(".quiz-standing").textContent())
      .toContain("You join the leaderboard when the answer is shown.");
    expect.soft(await card.textContent()).not.toContain("Answer a question to join the leaderboard");

    await item.getByRole("button", { name: "End question now" }).click();
    await card.locator(".leaderboard-row.you").waitFor();
    expect.soft(await card.textContent()).not.toContain("Waiting for the next question");
    await expect
      .poll(() => card.locator(".quiz-over").textContent())
      .toBe("That was the last question: the quiz is over. Here are the final scores.");
    await expect
      .poll(() => card.locator(".quiz-standing").textContent())
      .toMatch(/^Your final score: \d+ points · Rank 1 of 1$/);
    expect(await card.getByRole("heading", { name: "Final leaderboard" }).count()).toBe(1);
    expect(await card.locator(".leaderboard-row.you .name").textContent()).toBe("Ada Lovelace");

    await item.getByRole("button", { name: "Finish quiz" }).click();
    await expect.poll(() => card.locator(".quiz-over").textContent()).toBe("The quiz is over. Thanks for playing!");
    expect(await card.textContent()).not.toContain("Waiting for the next question");
    for (const page of [mia, ada]) await page.context().close();
  }, 120_000);

  it("a card keeps what the person is typing while the live counts move", async () => {
    const [mia, ada, bram] = await Promise.all([
      inBreakout(browser, "Mia"),
      inBreakout(browser, "Ada"),
      inBreakout(browser, "Bram"),
    ]);
    const sessionId = await mia.locator(".session-header[data-session-id]").getAttribute("data-session-id");
    const prompt = `One word for today ${stamp()}`;
    await adminPost(`/api/admin/sessions/${sessionId}/prepared`, { kind: "wordcloud", definition: { prompt } });
    await mia.getByRole("tab", { name: "Moderate" }).click();
    await mia.locator("li.item", { hasText: prompt }).getByRole("button", { name: "Open" }).click();

    const adaCard = ada.locator("article.wordcloud", { hasText: prompt });
    const bramCard = bram.locator("article.wordcloud", { hasText: prompt });
    await ada.getByRole("tab", { name: /^Word cloud/ }).click();
    await bram.getByRole("tab", { name: /^(Word cloud|Woordwolk)/ }).click();
    await adaCard.getByRole("textbox").fill("half-typ");
    await bramCard.getByRole("textbox").fill("sunny");
    await bramCard.getByRole("button").click();
    await expect.poll(() => adaCard.textContent()).toContain("sunny");
    expect(await adaCard.getByRole("textbox").inputValue()).toBe("half-typ");
    expect(await ada.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe("half-typ");

    await mia.locator("li.item", { hasText: prompt }).getByRole("button", { name: "Close voting" }).click();
    await mia.getByRole("dialog").getByRole("button", { name: "Close voting" }).click();
    for (const page of [mia, ada, bram]) await page.context().close();
  }, 120_000);
});
