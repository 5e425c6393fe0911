import type { QuizView } from "../../../../core/protocol";
import { defineSlice } from "../session/slice";
import { mergeById, patchById, upsertById } from "../session/upsert";

export const quiz = defineSlice({
  feature: "quiz",
  empty: () => ({ quizzes: [] as QuizView[] }),
  mine: () => ({ quizzes: {} }),
  snapshot(s, snap) {
    s.quizzes = mergeById(s.quizzes, snap.quizzes);
  },
  events: {
    "quiz/upsert"(s, e) {
      s.quizzes = upsertById(s.quizzes, e.quiz);
    },
    "quiz/removed"(s, e) {
      s.quizzes = s.quizzes.filter((q) => q.id !== e.quizId);
    },
    "quiz/progress"(s, e) {
      patchById(s.quizzes, e.quizId, { answered: e.answered });
    },
  },
  frames: {
    "quiz/standing"(s, f) {
      s.me.quizzes[f.standing.quizId] = f.standing;
    },
  },
  acks: {
    "quiz/answer"(s, request) {
      const standing = s.me.quizzes[request.quizId] ?? {
        quizId: request.quizId,
        points: 0,
        rank: null,
        players: 0,
        correct: 0,
        answers: {},
      };
      s.me.quizzes = {
        ...s.me.quizzes,
        [request.quizId]: { ...standing, answers: { ...standing.answers, [request.question]: request.choice } },
      };
    },
  },
});
