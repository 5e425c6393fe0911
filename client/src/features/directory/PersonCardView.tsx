import { createSignal, For, Show } from "solid-js";
import type { DirectoryEntry, DirectoryPage } from "../../../../core/contract/networking";
import { t } from "../../i18n";
import { api } from "../../lib/api";
import { ErrorNote } from "../session/ErrorNote";
import type { Hub } from "../hub/hub";
import { refusal } from "../hub/format";

/** One directory card: who, what they chose to show, whether they are here now, and an invite button. */
export function PersonCardView(props: {
  entry: DirectoryEntry;
  hub: Hub;
  labels: DirectoryPage["attributes"];
  moderator: boolean;
  onRemoved: () => void;
}) {
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const e = () => props.entry;
  const invited = () => props.hub.you()?.outgoing.some((i) => i.to.registrationId === e().registrationId) ?? false;
  const inChat = () => !!props.hub.you()?.chat;
  const invite = async () => {
    setBusy(true);
    setError(undefined);
    const outcome = await props.hub.mutate({ type: "invite/send", to: e().registrationId });
    setBusy(false);
    if (!outcome.ok) setError(refusal(outcome));
  };
  // Moderators take someone out at once (privacy, or misuse); the server checks the role again.
  const remove = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/api/me/directory/${encodeURIComponent(e().registrationId)}`, { method: "DELETE" });
      props.onRemoved();
    } catch (err) {
      setError(t("directory.removeFailed", { name: e().name, reason: (err as Error).message }));
      setBusy(false);
    }
  };
  // An answer to a question with options reads as its label ("Ontwerp"), not its stored value.
  const values = (l: DirectoryPage["attributes"][number], v: string | string[]) =>
    (Array.isArray(v) ? v : [v]).map((x) => l.optionLabels?.[x] ?? x).join(", ");
  return (
    <li class="directory-card" data-person={e().registrationId}>
      <div>
        <strong>{e().name}</strong>
        <Show when={e().role !== "participant"}>
          {" "}
          <span class="badge">{t(`portal.role.${e().role}`)}</span>
        </Show>
        <Show when={e().online}>
          {" "}
          <span class="badge badge-live">{t("directory.online")}</span>
        </Show>
        <Show when={e().organisation}>
          <div class="muted">{e().organisation}</div>
        </Show>
        <For each={props.labels.filter((l) => e().attributes[l.key] !== undefined)}>
          {(l) => <div class="muted directory-attr">{`${l.label}: ${values(l, e().attributes[l.key]!)}`}</div>}
        </For>
      </div>
      <div>
        <Show when={e().invitable} fallback={<span class="muted">{t("directory.notInvitable")}</span>}>
          <button
            type="button"
            disabled={busy() || invited() || inChat()}
            aria-label={invited() ? undefined : t("directory.inviteLabel", { name: e().name })}
            onClick={() => void invite()}
          >
            {invited() ? t("directory.invited") : t("directory.invite")}
          </button>
        </Show>
        <Show when={props.moderator}>
          {" "}
          <button
            type="button"
            class="link"
            disabled={busy()}
            aria-label={t("directory.removeLabel", { name: e().name })}
            onClick={() => void remove()}
          >
            {t("directory.remove")}
          </button>
        </Show>
        <ErrorNote text={error()} />
      </div>
    </li>
  );
}
