import { inLanguage } from "../../../../core/protocol";
import { language, t } from "../../i18n";
import { itemTab } from "../session/tab";
import { WordcloudPanel } from "./WordcloudPanel";

/** Word clouds: there while a moderator shows one. */
export const wordcloudTab = itemTab({
  key: "wordcloud",
  label: () => t("session.tab.wordcloud"),
  items: (state) => state.wordclouds,
  say: (cloud) => t("session.announce.wordcloud", { prompt: cloud ? inLanguage(cloud, language()).prompt : "" }),
  Panel: WordcloudPanel,
});
