import { createEffect, For, on, Show } from "solid-js";
import { Limits, charCount, type ChatMessage } from "../../../../core/protocol";
import { t } from "../../i18n";
import { formatTime } from "../../i18n/time";
import { createDraft } from "../session/draft";
import { ErrorNote } from "../session/ErrorNote";
import type { LiveSession } from "../session/live";
import { useAction } from "../session/useAction";

/** The session chat: history, live messages (announced politely), a composer, and moderator tools. */
export function ChatPanel(props: { live: LiveSession; moderator: boolean }) {
  const state = () => props.live.state;
  const [text, setText, sent] = createDraft();
  const send = useAction(props.live);
  const act = useAction(props.live);
  let list: HTMLDivElement | undefined;

  // Keep the newest message in view, unless the reader scrolled up to read older ones.
  createEffect(
    on(
      () => state().chat.messages.length,
      () => {
        if (!list) return;
        const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
        if (nearBottom)
          queueMicrotask(() => {
            if (list) list.scrollTop = list.scrollHeight;
          });
      },
    ),
  );

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!text().trim()) return;
    const what = text();
    const result = await send.run({ type: "chat/send", text: what });
    if (result.ok) sent(what);
  };

  return (
    <section class="panel chat" aria-labelledby="chat-heading">
      <h2 id="chat-heading">{t("chat.heading")}</h2>
      <Show when={state().chat.enabled} fallback={<p class="muted">{t("chat.disabled")}</p>}>
        {/* The log role sits on a wrapper: on the list itself it would hide the list semantics. */}
        <div class="chat-log" ref={list} role="log" aria-live="polite" aria-label={t("chat.log")} tabindex="0">
          <ol class="chat-list">
            <For each={state().chat.messages} fallback={<li class="muted">{t("chat.empty")}</li>}>
              {(m) => <ChatLine message={m} moderator={props.moderator} live={props.live} onError={act.run} />}
            </For>
          </ol>
        </div>
        <ErrorNote text={act.error()} />
        <Show
          when={!state().me.chatMuted || props.moderator}
          fallback={
            <p class="notice" role="status">
              {t("chat.muted")}
            </p>
          }
        >
          <form class="composer" onSubmit={submit}>
            <label for="chat-input" class="visually-hidden">
              {t("chat.label")}
            </label>
            <textarea
              id="chat-input"
              rows="2"
              maxlength={Limits.chatChars * 2}
              placeholder={t("chat.placeholder")}
              value={text()}
              aria-describedby="chat-counter chat-error"
              onInput={(e) => setText(e.currentTarget.value)}
              onKeyDown={(e) => {
                // Enter sends, Shift+Enter starts a new line (what chat users expect).
                if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
                  e.preventDefault();
                  e.currentTarget.form?.requestSubmit();
                }
              }}
            />
            <span id="chat-counter" class="counter" classList={{ over: charCount(text()) > Limits.chatChars }}>
              {t("chat.counter", { count: charCount(text()), max: Limits.chatChars })}
            </span>
            <button type="submit" disabled={send.busy() || charCount(text()) > Limits.chatChars}>
              {t("chat.send")}
            </button>
          </form>
          <ErrorNote id="chat-error" text={send.error()} />
        </Show>
      </Show>
    </section>
  );
}

function ChatLine(props: {
  message: ChatMessage;
  moderator: boolean;
  live: LiveSession;
  onError: ReturnType<typeof useAction>["run"];
}) {
  const m = () => props.message;
  const isMe = () => m().authorId === props.live.state.you?.registrationId;
  // Staff get the muted list: a muted author's lines offer the way back, right where they muted.
  const muted = () => props.live.state.chat.muted.some((p) => p.registrationId === m().authorId);
  return (
    <li class="chat-line" classList={{ mine: isMe(), staff: m().staff }} data-message-id={m().id}>
      <span class="chat-meta">
        <span class="chat-author">{m().authorName}</span>
        <Show when={m().staff}>
          <span class="badge">{t("chat.staff")}</span>
        </Show>
        <time class="muted" datetime={new Date(m().at).toISOString()}>
          {formatTime(m().at)}
        </time>
      </span>
      {/* Text node, never HTML: Solid escapes it. */}
      <span class="chat-text">{m().text}</span>
      <Show when={props.moderator}>
        <span class="chat-tools">
          <button
            type="button"
            class="link"
            aria-label={t("chat.deleteLabel", { name: m().authorName })}
            onClick={() => props.onError({ type: "chat/delete", messageId: m().id })}
          >
            {t("chat.delete")}
          </button>
          <Show when={!m().staff}>
            <button
              type="button"
              class="link"
              aria-label={
                muted()
                  ? t("chat.unmuteLabel", { name: m().authorName })
                  : t("chat.muteLabel", { name: m().authorName })
              }
              onClick={() => props.onError({ type: "chat/mute", registrationId: m().authorId, muted: !muted() })}
            >
              {muted() ? t("chat.unmute") : t("chat.mute")}
            </button>
          </Show>
        </span>
      </Show>
    </li>
  );
}
