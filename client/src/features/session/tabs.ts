import { chatTab } from "../chat/tab";
import { pollTab } from "../poll/tab";
import { qaTab } from "../qa/tab";
import { quizTab } from "../quiz/tab";
import { wordcloudTab } from "../wordcloud/tab";
import { tabList } from "./tab";

/**
 * The session's tabs everyone sees (SessionView), in their order. A feature with a tab declares
 * it in its folder (features/<feature>/tab.ts) and is one line here.
 */
export const sessionTabs = tabList([chatTab, qaTab, pollTab, quizTab, wordcloudTab]);
