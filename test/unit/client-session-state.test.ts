import { describe, expect, it } from "vitest";
import type { ChatMessage, PollView, SessionSnapshot } from "../../core/protocol";
import { applyAck, applyFrame, emptyState } from "../../client/src/features/session/state";
import { sortQuestions } from "../../client/src/features/qa/state";
import { currentItem } from "../../client/src/features/session/current";
import { parseOutputPath } from "../../client/src/output/route";
import { wordScale } from "../../client/src/features/wordcloud/scale";

const message = (id: string, text = id): ChatMessage => ({
  id,
  authorId: "reg_a",
  authorName: "Ada",
  text,
  at: 1,
  staff: false,
});
const poll = (over: Partial<PollView> = {}): PollView => ({
  id: "poll_1",
  question: "Lunch?",
  kind: "single",
  options: ["Pizza", "Soup"],
  results: "live",
  status: "open",
  visible: true,
  shownAt: 1,
  closedAt: null,
  counts: [0, 0],
  voters: 0,
  ...over,
});
const snapshot = (over: Partial<SessionSnapshot> = {}): SessionSnapshot => ({
  presence: { count: 3 },
  chat: { enabled: true, messages: [message("m1")] },
  qa: { enabled: true, requireApproval: false, questions: [], highlighted: null },
  reactions: { enabled: true },
  polls: [poll()],
  quizzes: [],
  wordclouds: [],
  nav: { to: null, at: null },
  ...over,
});

describe("client session state", () => {
  it("applies a snapshot, then only events newer than what it has", () => {
    const s = emptyState();
    applyFrame(s, { type: "snapshot", seq: 10, state: snapshot() });
    expect(s.ready).toBe(true);
    expect(s.chat.messages.map((m) => m.id)).toEqual(["m1"]);
    applyFrame(s, { type: "chat/message", seq: 9, message: message("old") });
    applyFrame(s, { type: "chat/message", seq: 11, message: message("m2") });
    // The same event again (live and in a replay) changes nothing.
    applyFrame(s, {
      type: "batch",
      events: [
        { type: "chat/message", seq: 11, message: message("m2") },
        { type: "chat/deleted", seq: 12, messageId: "m1" },
      ],
    });
    expect(s.chat.messages.map((m) => m.id)).toEqual(["m2"]);
    expect(s.seq).toBe(12);
  });

  it("updates tallies, removes hidden polls, and keeps presence and personal frames", () => {
    const s = emptyState();
    applyFrame(s, { type: "snapshot", seq: 1, state: snapshot() });
    applyFrame(s, { type: "poll/tally", seq: 2, pollId: "poll_1", counts: [2, 1], voters: 3 });
    expect(s.polls[0]).toMatchObject({ counts: [2, 1], voters: 3 });
    applyFrame(s, { type: "presence/count", count: 7 });
    applyFrame(s, { type: "chat/mute-state", muted: true });
    applyFrame(s, { type: "poll/removed", seq: 3, pollId: "poll_1" });
    expect(s.polls).toEqual([]);
    expect(s.presence.count).toBe(7);
    expect(s.me.chatMuted).toBe(true);
  });

  it("follows the fate of the asker's own questions, also those only they hear about", () => {
    const s = emptyState();
    applyFrame(
      s,
      {
        type: "welcome",
        v: 1,
        sessionId: "s",
        you: { registrationId: "r1", name: "Ada", role: "participant" },
        serverTime: 100,
        seq: 0,
        resume: "snapshot",
      },
      100,
    );
    applyFrame(s, {
      type: "snapshot",
      seq: 1,
      state: snapshot({ qa: { enabled: true, requireApproval: true, questions: [], highlighted: null } }),
    });
    applyAck(s, { type: "qa/ask", text: "Held?", anonymous: false }, "q1", 5);
    expect(s.me.qa.asked.map((q) => q.status)).toEqual(["pending"]);
    const question = { id: "q1", text: "Held?", authorName: "Ada", at: 5, status: "dismissed" as const, votes: 0 };
    applyFrame(s, { type: "qa/mine", question });
    expect(s.me.qa.asked).toEqual([question]);
    // One asked from another tab of the same person is added.
    applyFrame(s, { type: "qa/mine", question: { ...question, id: "q2", status: "open" } });
    expect(s.me.qa.asked.map((q) => [q.id, q.status])).toEqual([
      ["q1", "dismissed"],
      ["q2", "open"],
    ]);
  });

  it("tracks who is here from arrivals and departures", () => {
    const s = emptyState();
    const person = {
      registrationId: "r1",
      name: "Ada",
      role: "participant" as const,
      device: "mobile" as const,
      since: 1,
    };
    applyFrame(s, { type: "presence/people", seq: 1, joined: [person], left: [] });
    expect(Object.keys(s.presence.people)).toEqual(["r1"]);
    applyFrame(s, { type: "presence/people", seq: 2, joined: [], left: ["r1"] });
    expect(s.presence.people).toEqual({});
  });

  it("records acknowledged personal changes: votes, upvotes, questions, words", () => {
    const s = emptyState();
    applyFrame(
      s,
      {
        type: "welcome",
        v: 1,
        sessionId: "s",
        you: { registrationId: "r1", name: "Ada", role: "participant" },
        serverTime: 100,
        seq: 0,
        resume: "snapshot",
      },
      100,
    );
    applyAck(s, { type: "poll/vote", pollId: "p", choices: [2, 0, 2] }, undefined, 1);
    applyAck(s, { type: "qa/upvote", questionId: "q1", up: true }, undefined, 1);
    applyAck(s, { type: "qa/ask", text: " Why? ", anonymous: true }, "q9", 5);
    applyAck(s, { type: "wordcloud/submit", cloudId: "c", text: "Edge" }, undefined, 1);
    applyAck(s, { type: "wordcloud/submit", cloudId: "c", text: "Edge" }, undefined, 1);
    expect(s.me.polls).toEqual({ p: [0, 2] });
    expect(s.me.qa.upvoted).toEqual(["q1"]);
    expect(s.me.qa.asked).toEqual([{ id: "q9", text: "Why?", authorName: null, at: 5, status: "open", votes: 0 }]);
    expect(s.me.words).toEqual({ c: ["Edge"] });
    applyAck(s, { type: "qa/upvote", questionId: "q1", up: false }, undefined, 1);
    expect(s.me.qa.upvoted).toEqual([]);
  });
});

describe("client helpers", () => {
  it("sorts questions by votes (older first among equals) or newest first", () => {
    const q = (id: string, votes: number, at: number) => ({
      id,
      text: id,
      authorName: null,
      at,
      status: "open" as const,
      votes,
    });
    const list = [q("a", 1, 1), q("b", 3, 2), q("c", 1, 3)];
    expect(sortQuestions(list, "votes").map((x) => x.id)).toEqual(["b", "a", "c"]);
    expect(sortQuestions(list, "recent").map((x) => x.id)).toEqual(["c", "b", "a"]);
  });

  it("puts the most recently shown visible item on the output, never a draft or a hidden one", () => {
    const items = [
      poll({ id: "a", shownAt: 5 }),
      poll({ id: "b", shownAt: 9, visible: false }),
      poll({ id: "c", shownAt: 7 }),
      poll({ id: "d", status: "draft", shownAt: null }),
    ];
    expect(currentItem(items)?.id).toBe("c");
    expect(currentItem([])).toBeUndefined();
  });

  it("parses output routes", () => {
    const kinds = ["poll", "question", "clean-feed"] as const;
    expect(parseOutputPath("/output/ses_1/poll", kinds)).toEqual({ sessionId: "ses_1", kind: "poll" });
    expect(parseOutputPath("/output/ses_1/question/", kinds)).toEqual({ sessionId: "ses_1", kind: "question" });
    expect(parseOutputPath("/output/ses%201/clean-feed", kinds)).toEqual({ sessionId: "ses 1", kind: "clean-feed" });
    expect(parseOutputPath("/output/ses_1/admin", kinds)).toBeUndefined();
  });

  it("scales words by the square root of their share of the top count", () => {
    expect(wordScale(1, 1)).toBe(1);
    expect(wordScale(1, 5)).toBe(0);
    expect(wordScale(5, 5)).toBe(1);
    expect(wordScale(2, 5)).toBeCloseTo(0.5);
  });
});
