import { describe, expect, it } from "vitest";
import type { ClientFrameType } from "../../core/protocol";
import { liveDemo } from "./live/client";

/**
 * Every moderator action, with arguments that would succeed for a moderator. The map's type
 * lists each frame type; a new moderator frame without an entry here is the test to add.
 */
type ModeratorFrame = Extract<
  ClientFrameType,
  | `${"poll" | "quiz" | "wordcloud"}/${"create" | "open" | "close" | "visibility" | "delete" | "start" | "lock" | "next" | "block"}`
  | `${"chat" | "qa" | "reaction"}/${"delete" | "mute" | "configure" | "moderate" | "highlight"}`
>;

const moderatorFrames = (ids: {
  poll: string;
  quiz: string;
  cloud: string;
  question: string;
  message: string;
  person: string;
}): Record<ModeratorFrame, Record<string, unknown>> => ({
  "chat/delete": { messageId: ids.message },
  "chat/mute": { registrationId: ids.person, muted: true },
  "chat/configure": { enabled: false },
  "qa/moderate": { questionId: ids.question, action: "dismiss" },
  "qa/highlight": { questionId: ids.question },
  "qa/configure": { enabled: false, requireApproval: true },
  "reaction/configure": { enabled: false },
  "poll/create": { poll: { question: "Sneaky?", kind: "single", options: ["a", "b"] } },
  "poll/open": { pollId: ids.poll },
  "poll/close": { pollId: ids.poll },
  "poll/visibility": { pollId: ids.poll, visible: false },
  "poll/delete": { pollId: ids.poll },
  "quiz/create": {
    quiz: { title: "Sneaky", questions: [{ text: "?", options: ["a", "b"], correct: 0, seconds: 10 }] },
  },
  "quiz/start": { quizId: ids.quiz },
  "quiz/lock": { quizId: ids.quiz },
  "quiz/next": { quizId: ids.quiz },
  "quiz/visibility": { quizId: ids.quiz, visible: false },
  "quiz/delete": { quizId: ids.quiz },
  "wordcloud/create": { cloud: { prompt: "Sneaky?" } },
  "wordcloud/open": { cloudId: ids.cloud },
  "wordcloud/close": { cloudId: ids.cloud },
  "wordcloud/visibility": { cloudId: ids.cloud, visible: false },
  "wordcloud/delete": { cloudId: ids.cloud },
  "wordcloud/block": { word: "sneaky", blocked: true },
});

describe("moderator actions", () => {
  it("are refused for participants and producers, and change nothing", async () => {
    const demo = await liveDemo();
    const [mia, ada, pim] = [await demo.join("mia"), await demo.join("ada"), await demo.join("pim")];
    const ids = {
      poll: (await mia.ok({ type: "poll/create", poll: { question: "Draft", kind: "single", options: ["a", "b"] } }))
        .entityId!,
      quiz: (
        await mia.ok({
          type: "quiz/create",
          quiz: { title: "Draft", questions: [{ text: "?", options: ["a", "b"], correct: 0, seconds: 10 }] },
        })
      ).entityId!,
      cloud: (await mia.ok({ type: "wordcloud/create", cloud: { prompt: "Draft" } })).entityId!,
      question: (await ada.ok({ type: "qa/ask", text: "Keep me" })).entityId!,
      message: (await ada.ok({ type: "chat/send", text: "keep me" })).entityId!,
      person: ada.welcome.you.registrationId,
    };
    // Let the arrivals' presence update go out first: it is numbered too.
    await mia.take("presence/people", (f) => f.joined.some((p) => p.role === "producer"));
    const seqBefore = (await demo.join("mia")).welcome.seq;
    for (const [type, fields] of Object.entries(moderatorFrames(ids))) {
      for (const who of [ada, pim]) {
        const answer = await who.mutate({ type, ...fields });
        expect(answer, `${type} by ${who.welcome.you.role}`).toMatchObject({ type: "error", code: "not_allowed" });
      }
    }
    // Nothing happened: no new event was numbered.
    const after = await demo.join("mia");
    expect(after.welcome.seq).toBe(seqBefore);
    expect(after.snapshot!.state.polls.find((p) => p.id === ids.poll)?.status).toBe("draft");
    for (const c of [mia, ada, pim, after]) c.close();
  });
});
