import { quizInLanguage } from "../../../../core/protocol";
import { language, t } from "../../i18n";
import { itemTab } from "../session/tab";
import { QuizPanel } from "./QuizPanel";

/** The quiz: there while a moderator shows one. */
export const quizTab = itemTab({
  key: "quiz",
  label: () => t("session.tab.quiz"),
  items: (state) => state.quizzes,
  say: (quiz) => t("session.announce.quiz", { title: quiz ? quizInLanguage(quiz, language()).title : "" }),
  Panel: QuizPanel,
});
