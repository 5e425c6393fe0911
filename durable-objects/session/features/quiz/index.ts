import { isStaff } from "../../../../core/protocol";
import { defineFeature } from "../../../runtime/feature";
import { itemHandlers, itemSnapshot } from "../items/handler";
import {
  flushQuizProgress,
  onQuizAnswer,
  onQuizDeadline,
  onQuizLock,
  onQuizNext,
  onQuizStart,
  QUIZ_DEADLINE_ALARM,
  QUIZ_TICK,
  quizItems,
} from "./handler";
import { quizMigrations } from "./store";
import { myStandings } from "./views";

/** Quizzes: the shared item life cycle, plus timed questions, answers, scores and a leaderboard. */
export const quiz = defineFeature({
  name: "quiz",
  frames: {
    ...itemHandlers(quizItems),
    "quiz/start": onQuizStart,
    "quiz/lock": onQuizLock,
    "quiz/next": onQuizNext,
    "quiz/answer": onQuizAnswer,
  },
  migrations: quizMigrations,
  snapshot: { quizzes: (room, staff) => itemSnapshot(room, quizItems, staff) },
  me: { quizzes: (room, who) => myStandings(room, who.registrationId, isStaff(who.role)) },
  audience: { "quiz/upsert": "varies", "quiz/removed": "varies", "quiz/progress": "varies" },
  ticks: { [QUIZ_TICK]: flushQuizProgress },
  alarms: { [QUIZ_DEADLINE_ALARM]: onQuizDeadline },
});
