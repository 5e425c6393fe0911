import type { QaQuestion } from "../../../../core/protocol";
import { defineSlice } from "../session/slice";
import { mergeById, upsertById } from "../session/upsert";

export const qa = defineSlice({
  feature: "qa",
  empty: () => ({
    qa: { enabled: true, requireApproval: false, questions: [] as QaQuestion[], highlighted: null as string | null },
  }),
  mine: () => ({ qa: { upvoted: [], asked: [] } }),
  snapshot(s, snap) {
    s.qa = {
      enabled: snap.qa.enabled,
      requireApproval: snap.qa.requireApproval,
      questions: mergeById(s.qa.questions, snap.qa.questions),
      highlighted: snap.qa.highlighted,
    };
  },
  events: {
    "qa/question"(s, e) {
      s.qa.questions = upsertById(s.qa.questions, e.question);
      // The asker's own list follows its questions' fate (approved, answered …).
      s.me.qa.asked = s.me.qa.asked.map((q) => (q.id === e.question.id ? e.question : q));
    },
    "qa/removed"(s, e) {
      s.qa.questions = s.qa.questions.filter((q) => q.id !== e.questionId);
    },
    "qa/votes"(s, e) {
      for (const q of s.qa.questions) if (e.votes[q.id] !== undefined) q.votes = e.votes[q.id]!;
    },
    "qa/highlighted"(s, e) {
      s.qa.highlighted = e.questionId;
    },
    "qa/configured"(s, e) {
      s.qa.enabled = e.enabled;
      s.qa.requireApproval = e.requireApproval;
    },
  },
  frames: {
    "qa/mine"(s, f) {
      s.me.qa.asked = s.me.qa.asked.some((q) => q.id === f.question.id)
        ? s.me.qa.asked.map((q) => (q.id === f.question.id ? f.question : q))
        : [...s.me.qa.asked, f.question];
    },
  },
  acks: {
    "qa/upvote"(s, request) {
      const others = s.me.qa.upvoted.filter((id) => id !== request.questionId);
      s.me.qa.upvoted = request.up ? [...others, request.questionId] : others;
    },
    "qa/ask"(s, request, entityId, now) {
      if (!entityId || s.me.qa.asked.some((q) => q.id === entityId)) return;
      s.me.qa.asked = [
        ...s.me.qa.asked,
        {
          id: entityId,
          text: request.text.trim(),
          authorName: request.anonymous ? null : (s.you?.name ?? null),
          at: now,
          status: s.qa.requireApproval && s.you?.role === "participant" ? "pending" : "open",
          votes: 0,
        },
      ];
    },
  },
});

export type QaSort = "votes" | "recent";

/** Most upvoted first (older first among equals), or newest first. */
export function sortQuestions(questions: readonly QaQuestion[], by: QaSort): QaQuestion[] {
  return [...questions].sort(
    (a, b) => (by === "votes" ? b.votes - a.votes || a.at - b.at : b.at - a.at) || (a.id < b.id ? -1 : 1),
  );
}
