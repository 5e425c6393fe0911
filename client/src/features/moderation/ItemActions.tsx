import { createSignal, Show } from "solid-js";
import type { ItemStatus } from "../../../../core/protocol";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { t } from "../../i18n";
import type { MutationRequest } from "../session/live";

/**
 * The frames that move one item along the life cycle every kind shares (draft → open → closed,
 * shown or hidden), and what the confirmations say the final steps mean for this kind.
 */
export interface Lifecycle {
  open: MutationRequest;
  /** Null where the kind closes by itself (a quiz, after its last question). */
  close: { request: MutationRequest; warning: string } | null;
  visibility(visible: boolean): MutationRequest;
  /** Hiding an open item closes it too. */
  hideWarning: string;
  remove: MutationRequest;
}

/** An action that ends voting for good, waiting for the moderator's yes. */
interface FinalAction {
  request: MutationRequest;
  title: string;
  body: string;
  confirm: string;
}

/**
 * Open / close / show / hide / delete, offered only where the life cycle allows them. Closing is
 * final (the result goes to the report) and so is hiding an open item, which closes it: both ask
 * first, as an undo would have to reopen a closed item, which the life cycle forbids.
 */
export function ItemActions(props: {
  lifecycle: Lifecycle;
  title: string;
  status: ItemStatus;
  visible: boolean;
  busy: boolean;
  run(request: MutationRequest): Promise<unknown>;
  openLabel?: string;
}) {
  const [asking, setAsking] = createSignal<FinalAction>();
  let visibilityButton: HTMLButtonElement | undefined;
  const close = (close: NonNullable<Lifecycle["close"]>) =>
    setAsking({
      request: close.request,
      title: t("mod.confirm.closeTitle", { title: props.title }),
      body: close.warning,
      confirm: t("mod.close"),
    });
  const toggleVisibility = () => {
    const request = props.lifecycle.visibility(!props.visible);
    if (!(props.visible && props.status === "open")) return props.run(request);
    setAsking({
      request,
      title: t("mod.confirm.hideTitle", { title: props.title }),
      body: props.lifecycle.hideWarning,
      confirm: t("mod.confirm.hideAndClose"),
    });
  };
  return (
    <>
      <span class="mod-actions">
        <Show when={props.status === "draft"}>
          <button type="button" disabled={props.busy} onClick={() => props.run(props.lifecycle.open)}>
            {props.openLabel ?? t("mod.open")}
          </button>
          <button
            type="button"
            class="secondary"
            disabled={props.busy}
            onClick={() => props.run(props.lifecycle.remove)}
          >
            {t("mod.delete")}
          </button>
        </Show>
        <Show when={props.status === "open" && props.lifecycle.close}>
          {(closing) => (
            <button type="button" disabled={props.busy} onClick={() => close(closing())}>
              {t("mod.close")}
            </button>
          )}
        </Show>
        <Show when={props.status !== "draft"}>
          <button
            ref={visibilityButton}
            type="button"
            class="secondary"
            disabled={props.busy}
            onClick={toggleVisibility}
          >
            {props.visible ? t("mod.hide") : t("mod.show")}
          </button>
        </Show>
      </span>
      <ConfirmDialog
        open={asking() !== undefined}
        title={asking()?.title ?? ""}
        body={asking()?.body ?? ""}
        confirm={asking()?.confirm ?? ""}
        cancel={t("mod.confirm.keep")}
        onConfirm={() => {
          const action = asking();
          setAsking(undefined);
          if (!action) return;
          void props.run(action.request).then(() => {
            // "Close voting" is gone once closed (and buttons are disabled while it runs), so
            // focus would fall to the page: it goes to the Hide / Show button, which stays.
            if (document.activeElement === document.body) visibilityButton?.focus();
          });
        }}
        onCancel={() => setAsking(undefined)}
      />
    </>
  );
}

export function StatusBadge(props: { status: ItemStatus; visible: boolean }) {
  return (
    <span class="muted small">
      <span class="badge">{t(`mod.status.${props.status}`)}</span>
      <Show when={props.status !== "draft" && !props.visible}> · {t("mod.hidden")}</Show>
    </span>
  );
}
