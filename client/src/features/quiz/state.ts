import type { QuizEvent } from "../../../../core/protocol";
import type { SessionState } from "../session/state";
import { patchById, upsertById } from "../session/upsert";

export function applyQuiz(s: SessionState, e: QuizEvent): void {
  switch (e.type) {
    case "quiz/upsert":
      s.quizzes = upsertById(s.quizzes, e.quiz);
      return;
    case "quiz/removed":
      s.quizzes = s.quizzes.filter((q) => q.id !== e.quizId);
      return;
    case "quiz/progress":
      patchById(s.quizzes, e.quizId, { answered: e.answered });
      return;
    default:
      return e satisfies never;
  }
}
