import { createSignal, Show } from "solid-js";
import { HUB_SESSION } from "../../../../core/protocol";
import { t } from "../../i18n";
import { CallView } from "../rtc/CallView";
import { ErrorNote } from "../session/ErrorNote";
import type { Hub } from "../hub/hub";
import { personLabel, refusal } from "../hub/format";

/**
 * The person's 1:1 call, once an invitation was accepted: the same call view as breakouts and
 * carousel pairs, on the hub's connection. Its one way out, "End the chat", sits in the call's own
 * controls and ends the call for both (a separate "Leave" beside it kept an empty chat open and
 * left people guessing which button did what). Loaded lazily: only people in a 1:1 need it.
 */
export default function OneToOne(props: { hub: Hub; myName: string }) {
  const [error, setError] = createSignal<string>();
  const [ending, setEnding] = createSignal(false);
  const chat = () => props.hub.you()?.chat ?? undefined;
  const hangup = async (chatId: string) => {
    setEnding(true);
    setError(undefined);
    const outcome = await props.hub.mutate({ type: "invite/hangup", chatId });
    setEnding(false);
    if (!outcome.ok) setError(refusal(outcome));
  };
  return (
    // Keyed by the chat's id, not its view: the hub sends a fresh view of the person's invitations
    // on every change (someone blocked, an invitation lapsed, a reconnect), and a new object here
    // would rebuild the call in the middle of the conversation.
    <Show when={chat()?.id} keyed>
      {(chatId: string) => {
        const person = () => (chat() ? personLabel(chat()!.with) : "");
        return (
          <section class="card one-to-one" aria-labelledby="one-to-one-heading" data-chat={chatId}>
            <div class="one-to-one-head">
              <h2 id="one-to-one-heading">{t("invite.title", { person: person() })}</h2>
            </div>
            <ErrorNote text={error()} />
            <CallView
              sessionId={HUB_SESSION}
              call={chat()?.call ?? chatId}
              connection={props.hub.connection}
              myName={props.myName}
              title={t("invite.title", { person: person() })}
              autoJoin
              exit={{
                label: t("invite.end"),
                name: t("invite.endLabel", { person: person() }),
                hint: t("invite.endHint"),
                busy: ending(),
                run: () => void hangup(chatId),
              }}
            />
          </section>
        );
      }}
    </Show>
  );
}
