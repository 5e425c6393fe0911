import { createEffect, createSignal, For, on, Show } from "solid-js";
import type { InvitationView } from "../../../../core/protocol";
import { t } from "../../i18n";
import { ErrorNote } from "../session/ErrorNote";
import type { Hub } from "../hub/hub";
import { clockText, personLabel, refusal } from "../hub/format";
import "./invite.css";

const NOTICE_MS = 12_000;

/**
 * Invitations wherever the person is in the portal: incoming ones to accept or decline (with a
 * countdown to their expiry), their own waiting ones to withdraw, and short notices of what
 * happened. A new invitation is announced assertively (it lapses in two minutes); everything
 * else politely. Focus is never moved: the person may be typing in a chat.
 */
export function InviteToasts(props: { hub: Hub }) {
  const [notices, setNotices] = createSignal<{ key: number; text: string }[]>([]);
  const [urgent, setUrgent] = createSignal("");
  const [polite, setPolite] = createSignal("");
  createEffect(
    on(props.hub.notice, (n) => {
      if (!n) return;
      const text = t(`invite.notice.${n.kind}`, { person: personLabel(n.person) });
      if (n.kind === "received") return setUrgent(text);
      setPolite(text);
      setNotices((list) => [...list.slice(-2), { key: n.at, text }]);
      setTimeout(() => setNotices((list) => list.filter((x) => x.key !== n.at)), NOTICE_MS);
    }),
  );
  // Never more than the invitation's whole life: the clocks' offset is only estimated.
  const left = (inv: InvitationView) =>
    clockText(Math.min(inv.expiresAt - props.hub.serverNow(), inv.expiresAt - inv.sentAt));
  return (
    <section class="invite-toasts" aria-label={t("invite.region")}>
      <p class="visually-hidden" role="alert">
        {urgent()}
      </p>
      <p class="visually-hidden" role="status">
        {polite()}
      </p>
      <For each={props.hub.you()?.incoming ?? []}>
        {(inv) => <Incoming hub={props.hub} invitation={inv} left={() => left(inv)} />}
      </For>
      <For each={props.hub.you()?.outgoing ?? []}>
        {(inv) => (
          <div class="invite-card" data-invite="outgoing">
            <p>{t("invite.outgoing", { person: personLabel(inv.to), time: left(inv) })}</p>
            <button
              type="button"
              class="secondary"
              aria-label={t("invite.withdrawLabel", { person: personLabel(inv.to) })}
              onClick={() => void props.hub.mutate({ type: "invite/withdraw", inviteId: inv.id })}
            >
              {t("invite.withdraw")}
            </button>
          </div>
        )}
      </For>
      <For each={notices()}>
        {(n) => (
          <div class="invite-card invite-notice">
            <p>{n.text}</p>
            <button
              type="button"
              class="link"
              aria-label={`${t("invite.dismiss")}: ${n.text}`}
              onClick={() => setNotices((list) => list.filter((x) => x.key !== n.key))}
            >
              {t("invite.dismiss")}
            </button>
          </div>
        )}
      </For>
    </section>
  );
}

function Incoming(props: { hub: Hub; invitation: InvitationView; left: () => string }) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const person = () => personLabel(props.invitation.from);
  const answer = async (accept: boolean, block = false) => {
    setBusy(true);
    setError(undefined);
    const outcome = await props.hub.mutate({
      type: "invite/answer",
      inviteId: props.invitation.id,
      accept,
      ...(block ? { block } : {}),
    });
    setBusy(false);
    if (!outcome.ok) setError(refusal(outcome));
  };
  const headingId = `invite-${props.invitation.id}`;
  return (
    <div class="invite-card" data-invite="incoming" role="group" aria-labelledby={headingId}>
      <p id={headingId}>
        <strong>{t("invite.incoming", { person: person() })}</strong>
      </p>
      <p class="muted">
        <span role="timer">{t("invite.expiresIn", { time: props.left() })}</span>
      </p>
      <div class="invite-actions">
        <button
          type="button"
          class="primary"
          disabled={busy()}
          aria-label={t("invite.acceptLabel", { person: person() })}
          onClick={() => void answer(true)}
        >
          {t("invite.accept")}
        </button>
        <button
          type="button"
          class="secondary"
          disabled={busy()}
          aria-label={t("invite.declineLabel", { person: person() })}
          onClick={() => void answer(false)}
        >
          {t("invite.decline")}
        </button>
        <button
          type="button"
          class="link"
          disabled={busy()}
          aria-label={t("invite.blockLabel", { person: person() })}
          onClick={() => void answer(false, true)}
        >
          {t("invite.block")}
        </button>
      </div>
      <Show when={error()}>
        <ErrorNote text={error()} />
      </Show>
    </div>
  );
}
