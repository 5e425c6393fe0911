import { createSignal, Show } from "solid-js";
import { HUB_SESSION } from "../../../../durable-objects/session/protocol";
import { t } from "../../i18n";
import { CallView } from "../call/CallView";
import { ErrorNote } from "../session/ErrorNote";
import type { Hub } from "../hub/hub";
import { personLabel, refusal } from "../hub/format";

/**
 * The person's 1:1 call, once an invitation was accepted: the same call view as breakouts and
 * carousel pairs, on the hub's socket. Leaving the call keeps the chat open (to rejoin);
 * "End the chat" ends it for both. Loaded lazily: only people in a 1:1 need it.
 */
export default function OneToOne(props: { hub: Hub; myName: string }) {
  const [error, setError] = createSignal<string>();
  const hangup = async (chatId: string) => {
    const outcome = await props.hub.mutate({ type: "invite/hangup", chatId });
    if (!outcome.ok) setError(refusal(outcome));
  };
  return (
    <Show when={props.hub.you()?.chat} keyed>
      {(chat) => (
        <section class="card one-to-one" aria-labelledby="one-to-one-heading" data-chat={chat.id}>
          <div class="one-to-one-head">
            <h2 id="one-to-one-heading">{t("invite.title", { person: personLabel(chat.with) })}</h2>
            <button type="button" class="danger" onClick={() => void hangup(chat.id)}>
              {t("invite.end")}
            </button>
          </div>
          <ErrorNote text={error()} />
          <CallView sessionId={HUB_SESSION} call={chat.call} socket={props.hub.socket} myName={props.myName} title={t("invite.title", { person: chat.with.name })} autoJoin />
        </section>
      )}
    </Show>
  );
}
