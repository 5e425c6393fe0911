import { inLanguage } from "../../../../core/protocol";
import { language, t } from "../../i18n";
import { itemTab } from "../session/tab";
import { PollPanel } from "./PollPanel";

/** Polls: there while a moderator shows one. */
export const pollTab = itemTab({
  key: "polls",
  label: () => t("session.tab.polls"),
  items: (state) => state.polls,
  say: (poll) => t("session.announce.poll", { question: poll ? inLanguage(poll, language()).question : "" }),
  Panel: PollPanel,
});
