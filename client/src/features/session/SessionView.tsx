import { createEffect, createMemo, createSignal, on, Show } from "solid-js";
import { t } from "../../i18n";
import { ChatPanel } from "../chat/ChatPanel";
import { PollPanel } from "../poll/PollPanel";
import { QaPanel } from "../qa/QaPanel";
import { QuizPanel } from "../quiz/QuizPanel";
import { Reactions } from "../reaction/Reactions";
import { WordcloudPanel } from "../wordcloud/WordcloudPanel";
import type { LiveSession } from "./live";
import { TabPanels, Tabs, type TabItem } from "./Tabs";
import "./session.css";

type TabKey = "chat" | "qa" | "polls" | "quiz" | "wordcloud";

/**
 * The live session's interactions in tabs, as everyone sees them (moderators with their tools in
 * place: delete, mute, approve). Participants see only what is switched on or open; a tab whose
 * content appears while another is open gets a dot and a spoken announcement. The moderator's and
 * producer's own controls are the control desk beside it (ControlDesk). The panels only need the
 * live session, so another page can host them the same way.
 */
export function SessionView(props: { live: LiveSession }) {
  const state = () => props.live.state;
  const moderator = () => state().you?.role === "moderator";
  const shown = {
    polls: createMemo(() => state().polls.filter((p) => p.visible)),
    quiz: createMemo(() => state().quizzes.filter((q) => q.visible)),
    wordcloud: createMemo(() => state().wordclouds.filter((c) => c.visible)),
  };
  const available = createMemo<TabKey[]>(() => [
    ...(state().chat.enabled || moderator() ? (["chat"] as const) : []),
    ...(state().qa.enabled || moderator() ? (["qa"] as const) : []),
    ...(shown.polls().length > 0 ? (["polls"] as const) : []),
    ...(shown.quiz().length > 0 ? (["quiz"] as const) : []),
    ...(shown.wordcloud().length > 0 ? (["wordcloud"] as const) : []),
  ]);
  const [chosen, setChosen] = createSignal<TabKey>("chat");
  const selected = () => (available().includes(chosen()) ? chosen() : (available()[0] ?? "chat"));
  const [fresh, setFresh] = createSignal<ReadonlySet<TabKey>>(new Set());
  const [announcement, setAnnouncement] = createSignal("");

  // Something newly open: mark its tab and say so (focus stays where the person is).
  const watch = (key: "polls" | "quiz" | "wordcloud", say: () => string) =>
    createEffect(
      on(
        () => shown[key]().map((x) => x.id).join(","),
        (now, before) => {
          if (before === undefined || !state().ready) return;
          const added = now.split(",").filter((id) => id && !before.split(",").includes(id));
          if (added.length === 0 || selected() === key) return;
          setFresh((f) => new Set([...f, key]));
          setAnnouncement(say());
        },
      ),
    );
  watch("polls", () => t("session.announce.poll", { question: shown.polls().at(-1)?.question ?? "" }));
  watch("quiz", () => t("session.announce.quiz", { title: shown.quiz().at(-1)?.title ?? "" }));
  watch("wordcloud", () => t("session.announce.wordcloud", { prompt: shown.wordcloud().at(-1)?.prompt ?? "" }));

  const select = (key: TabKey) => {
    setChosen(key);
    setFresh((f) => new Set([...f].filter((k) => k !== key)));
  };
  const labels: Record<TabKey, () => string> = {
    chat: () => t("session.tab.chat"),
    qa: () => t("session.tab.qa"),
    polls: () => t("session.tab.polls"),
    quiz: () => t("session.tab.quiz"),
    wordcloud: () => t("session.tab.wordcloud"),
  };
  const items = (): TabItem<TabKey>[] => available().map((key) => ({ key, label: labels[key](), fresh: fresh().has(key) }));

  return (
    <section class="card session-view" aria-label={t("session.tabs")} data-ready={state().ready ? "yes" : "no"}>
      <Show when={state().ready} fallback={<p role="status">{t("session.loading")}</p>}>
        <div class="session-head">
          <span class="here" data-count={state().presence.count}>
            {t("session.here", { count: state().presence.count })}
          </span>
          <Reactions live={props.live} />
        </div>
        <Tabs label={t("session.tabs")} items={items()} selected={selected()} onSelect={select} idPrefix="session" freshLabel={t("session.tab.new")} />
        <TabPanels keys={available()} selected={selected()} idPrefix="session">
          {(key) => {
            switch (key) {
              case "chat":
                return <ChatPanel live={props.live} moderator={moderator()} />;
              case "qa":
                return <QaPanel live={props.live} moderator={moderator()} />;
              case "polls":
                return <PollPanel live={props.live} />;
              case "quiz":
                return <QuizPanel live={props.live} />;
              case "wordcloud":
                return <WordcloudPanel live={props.live} />;
              default:
                return key satisfies never;
            }
          }}
        </TabPanels>
        <p class="visually-hidden" aria-live="polite">
          {announcement()}
        </p>
      </Show>
    </section>
  );
}
