import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousA11yViolations } from "./support/axe";
import { downloadCsv } from "./support/download";
import {
  adminPost,
  demoLink,
  e2eEnabled,
  enterPortal,
  launchBrowser,
  newPerson,
  origin,
  signInLink,
} from "./support/browser";

async function portal(browser: Browser, name: string): Promise<Page> {
  const page = await (await newPerson(browser)).newPage();
  await enterPortal(page, await demoLink(name));
  await expect.poll(() => page.locator(".session-view").getAttribute("data-ready")).toBe("yes");
  return page;
}

const MEETINGS_CSV = "Download CSV: Networking: 1:1 chats and carousel meetings";

describe.skipIf(!e2eEnabled())("the console's reports", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("show the people who joined the stage, voted and met in a 1:1 chat, draw a chart, and download the same numbers", {
    timeout: 180_000,
  }, async () => {
    const question = `Report check ${Date.now().toString(36)}?`;
    const demo = (await adminPost<{ event: { id: string } }>("/api/admin/demo")).event;
    const [mia, ada, bram] = [
      await portal(browser, "Mia"),
      await portal(browser, "Ada"),
      await portal(browser, "Bram"),
    ];
    // The organizer opens the event's reports. The demo event is shared with other tests, so the
    // people download before the poll is the baseline each person's vote count grows from.
    const owner = await (await newPerson(browser)).newPage();
    await owner.goto((await signInLink()).replace(/^https?:\/\/[^/]+/, origin()));
    await owner.getByRole("navigation", { name: /organizer console/i }).waitFor();
    await owner.goto(`/admin?event=${demo.id}&tab=reports`);
    await owner.getByRole("heading", { name: "Attendance" }).waitFor();
    const peopleBefore = await downloadCsv(owner, "Download CSV: People: time spent, most first");
    const votesBefore = new Map(peopleBefore.map((r) => [r.name, Number(r.vote_count)]));
    const chatsBefore = new Map(peopleBefore.map((r) => [r.name, Number(r.one_to_one_chats)]));
    const chatsRow = (rows: Record<string, string>[]) => rows.find((r) => r.session_id === "" && r.kind === "chat");
    const eventChatsBefore = Number(chatsRow(await downloadCsv(owner, MEETINGS_CSV))?.meetings);
    const sessionId = await mia.locator(".session-header[data-session-id]").getAttribute("data-session-id");

    // The moderator runs a poll; both participants vote.
    await mia.getByRole("tab", { name: "Moderate" }).click();
    await mia.locator("summary", { hasText: "New poll" }).click();
    const editor = mia.getByRole("form", { name: "New poll" });
    await editor.getByLabel("Question", { exact: true }).fill(question);
    await editor.getByLabel("Option 1").fill("Stay");
    await editor.getByLabel("Option 2").fill("Go");
    await editor.getByRole("button", { name: "Create" }).click();
    const item = mia.locator("li.item", { hasText: question });
    await item.getByRole("button", { name: "Open" }).click();
    for (const [page, option] of [
      [ada, "Stay"],
      [bram, "Go"],
    ] as const) {
      await page.getByRole("tab", { name: /^(Polls|Peilingen)/ }).click();
      await page.getByRole("radio", { name: option }).check();
      await page.getByRole("button", { name: /^(Vote|Stemmen)$/ }).click();
      await expect.poll(() => page.locator(".poll [role=status]").first().textContent()).toMatch(/counts|telt/);
    }
    // Closing sends the result to the report.
    await item.getByRole("button", { name: "Close voting" }).click();
    await mia
      .getByRole("dialog", { name: `Close “${question}”?` })
      .getByRole("button", { name: "Close voting" })
      .click();
    await expect.poll(() => item.locator(".badge").first().textContent()).toBe("Closed");

    // Ada invites Bram to a 1:1 video chat from the directory; he accepts (in Dutch), she ends it.
    await ada.getByRole("link", { name: "People", exact: true }).click();
    await ada.getByRole("button", { name: "Invite Bram de Vries to a one-to-one video chat" }).click();
    await bram
      .getByRole("group", { name: "Ada Lovelace (Analytical Engines) nodigt je uit voor een 1-op-1-videogesprek." })
      .getByRole("button", { name: "Accepteren: de uitnodiging van Ada Lovelace (Analytical Engines)" })
      .click();
    await ada.locator("section.one-to-one").waitFor();
    await ada.getByRole("button", { name: "End the chat with Bram de Vries (Polder Labs)" }).click();
    for (const page of [ada, bram]) await expect.poll(() => page.locator("section.one-to-one").count()).toBe(0);

    // Visits and results reach the reports a few seconds after they happen: refresh until they show.
    const stageRow = owner.locator(`.report-section tr[data-session="${sessionId}"]`).first();
    const poll = owner.locator(".report-poll").filter({ hasText: question });
    const chatsCell = owner.locator('tr[data-meetings="chats"] [data-col="meetings"]');
    await expect
      .poll(
        async () => {
          await owner.getByRole("button", { name: "Refresh" }).click();
          await owner.getByRole("heading", { name: "Attendance" }).waitFor();
          const people = Number((await stageRow.locator('[data-col="people"]').textContent({ timeout: 2000 })) ?? 0);
          const chats = (await chatsCell.count()) ? Number(await chatsCell.textContent()) : 0;
          return people >= 3 && (await poll.count()) === 1 && chats === eventChatsBefore + 1;
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(true);

    // Attendance: both participants are in the people table, with time spent.
    const people = owner.locator("table", { has: owner.locator("caption", { hasText: "People: time spent" }) });
    for (const name of ["Ada", "Bram"])
      await expect.poll(() => people.locator("tr", { hasText: name }).count()).toBe(1);
    // Networking: the chat counts once for the event, and once for each of the two.
    expect(await owner.locator('tr[data-meetings="chats"] th').textContent()).toBe("1:1 chats");
    for (const name of ["Ada Lovelace", "Bram de Vries"])
      expect(await people.locator("tr", { hasText: name }).locator('[data-col="chats"]').textContent()).toBe(
        String((chatsBefore.get(name) ?? 0) + 1),
      );
    // Engagement: the poll with its two voters and one vote each.
    expect(await poll.textContent()).toContain("2 voters");
    const pollTable = poll.locator("table");
    expect(await pollTable.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.textContent))).toEqual([
      "Stay1",
      "Go1",
    ]);
    // A chart is drawn (its numbers are in the table beside it).
    await expect
      .poll(() => owner.locator('[data-chart="concurrency"] [data-drawn="true"] canvas').count())
      .toBeGreaterThan(0);
    // The two series per session are named in a plain legend, not uPlot's live one ("People: --").
    expect(await owner.locator('[data-chart="participation"] .report-chart-legend li').allTextContents()).toEqual([
      "People",
      "Active people",
    ]);
    expect(await owner.locator(".report-chart").filter({ hasText: "--" }).count()).toBe(0);
    expect(await seriousA11yViolations(owner)).toEqual([]);
    // Dark mode has its own colours: check them too.
    await owner.emulateMedia({ colorScheme: "dark" });
    await expect.poll(() => owner.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(true);
    expect(await seriousA11yViolations(owner)).toEqual([]);
    await owner.emulateMedia({ colorScheme: "light" });

    // The downloads hold the same numbers as the page.
    const shownPeople = await stageRow.locator('[data-col="people"]').textContent();
    const sessions = await downloadCsv(owner, "Download CSV: Sessions");
    expect(sessions.find((r) => r.session_id === sessionId)?.people).toBe(shownPeople);
    const polls = (await downloadCsv(owner, "Download CSV: Poll results")).filter((r) => r.question === question);
    expect(polls.map((r) => [r.option, r.votes, r.voters])).toEqual([
      ["Stay", "1", "2"],
      ["Go", "1", "2"],
    ]);
    const peopleCsv = await downloadCsv(owner, "Download CSV: People: time spent, most first");
    for (const name of ["Ada", "Bram"]) {
      const row = peopleCsv.find((r) => r.name?.startsWith(name));
      expect(Number(row?.minutes_watched)).toBeGreaterThan(0);
      expect(Number(row?.vote_count)).toBe((votesBefore.get(row?.name) ?? 0) + 1);
    }

    const meetingsCsv = await downloadCsv(owner, MEETINGS_CSV);
    expect(chatsRow(meetingsCsv)?.meetings).toBe(String(eventChatsBefore + 1));
    expect(chatsRow(meetingsCsv)?.meetings).toBe(await chatsCell.textContent());
    for (const name of ["Ada Lovelace", "Bram de Vries"])
      expect(peopleCsv.find((r) => r.name === name)?.one_to_one_chats).toBe(String((chatsBefore.get(name) ?? 0) + 1));
    // The printable summary's total is every meeting of the CSV: 1:1 chats and carousel meetings.
    const total = meetingsCsv.reduce((sum, r) => sum + Number(r.meetings), 0);
    expect(await owner.locator('[data-figure="meetings"] dd').textContent()).toBe(total.toLocaleString("en"));

    for (const page of [mia, ada, bram, owner]) await page.context().close();
  });

  it("say the charts are empty before anyone came, instead of drawing empty axes", { timeout: 120_000 }, async () => {
    const start = Date.now() + 48 * 3_600_000;
    const event = await adminPost<{ id: string }>("/api/admin/events", {
      slug: `reports-empty-${Date.now().toString(36)}`,
      title: { en: "Not yet" },
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 3_600_000).toISOString(),
      languages: ["en"],
    });
    await adminPost(`/api/admin/events/${event.id}/sessions`, {
      kind: "stage",
      title: "Opening",
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 1_800_000).toISOString(),
    });
    await adminPost(`/api/admin/events/${event.id}/registrations`, { name: "Early Bird", email: "early@example.com" });
    const owner = await (await newPerson(browser)).newPage();
    await owner.goto((await signInLink()).replace(/^https?:\/\/[^/]+/, origin()));
    await owner.getByRole("navigation", { name: /organizer console/i }).waitFor();
    await owner.goto(`/admin?event=${event.id}&tab=reports`);
    await owner.getByRole("heading", { name: "Attendance" }).waitFor();
    // Before the event ends, whoever has not come is not a no-show yet.
    const notYet = owner.locator('[data-figure="noShows"]');
    await expect.poll(() => notYet.locator("dt").textContent()).toBe("Not come yet");
    expect(await notYet.locator("dd").textContent()).toBe("1");
    const empty = "Nothing to show yet: this chart fills in once people take part.";
    for (const chart of ["concurrency", "arrivals", "participation"])
      await expect.poll(() => owner.locator(`[data-chart="${chart}"] .report-chart-empty`).textContent()).toBe(empty);
    expect(await owner.locator(".report-chart canvas").count()).toBe(0);
    // The sessions still list with their zeros.
    expect(await owner.locator('[data-chart="participation"] tbody tr').allTextContents()).toEqual(["Opening00"]);
    await owner.context().close();
  });
});
