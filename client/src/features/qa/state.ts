import type { QaEvent, QaQuestion } from "../../../../core/protocol";
import type { SessionState } from "../session/state";
import { upsertById } from "../session/upsert";

export function applyQa(s: SessionState, e: QaEvent): void {
  switch (e.type) {
    case "qa/question": {
      s.qa.questions = upsertById(s.qa.questions, e.question);
      // The asker's own list follows its questions' fate (approved, answered …).
      s.me.qa.asked = s.me.qa.asked.map((q) => (q.id === e.question.id ? e.question : q));
      return;
    }
    case "qa/removed":
      s.qa.questions = s.qa.questions.filter((q) => q.id !== e.questionId);
      return;
    case "qa/votes":
      for (const q of s.qa.questions) if (e.votes[q.id] !== undefined) q.votes = e.votes[q.id]!;
      return;
    case "qa/highlighted":
      s.qa.highlighted = e.questionId;
      return;
    case "qa/configured":
      s.qa.enabled = e.enabled;
      s.qa.requireApproval = e.requireApproval;
      return;
    default:
      return e satisfies never;
  }
}

export type QaSort = "votes" | "recent";

/** Most upvoted first (older first among equals), or newest first. */
export function sortQuestions(questions: readonly QaQuestion[], by: QaSort): QaQuestion[] {
  return [...questions].sort((a, b) => (by === "votes" ? b.votes - a.votes || a.at - b.at : b.at - a.at) || (a.id < b.id ? -1 : 1));
}
