import { createSignal, Show } from "solid-js";
import type { ItemStatus } from "../../../../core/protocol";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { t } from "../../i18n";
import type { MutationRequest } from "../session/live";

export type ItemKind = "poll" | "quiz" | "wordcloud";

interface LifecycleFrames {
  open: MutationRequest;
  close: MutationRequest | null;
  visibility(visible: boolean): MutationRequest;
  remove: MutationRequest;
}

/** The frames for one item's life cycle, per kind (a quiz opens by starting, and closes after its last question). */
export function lifecycleFrames(kind: ItemKind, id: string): LifecycleFrames {
  switch (kind) {
    case "poll":
      return {
        open: { type: "poll/open", pollId: id },
        close: { type: "poll/close", pollId: id },
        visibility: (visible: boolean) => ({ type: "poll/visibility", pollId: id, visible }),
        remove: { type: "poll/delete", pollId: id },
      };
    case "quiz":
      return {
        open: { type: "quiz/start", quizId: id },
        close: null,
        visibility: (visible: boolean) => ({ type: "quiz/visibility", quizId: id, visible }),
        remove: { type: "quiz/delete", quizId: id },
      };
    case "wordcloud":
      return {
        open: { type: "wordcloud/open", cloudId: id },
        close: { type: "wordcloud/close", cloudId: id },
        visibility: (visible: boolean) => ({ type: "wordcloud/visibility", cloudId: id, visible }),
        remove: { type: "wordcloud/delete", cloudId: id },
      };
    default:
      return kind satisfies never;
  }
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
  kind: ItemKind;
  id: string;
  title: string;
  status: ItemStatus;
  visible: boolean;
  busy: boolean;
  run(request: MutationRequest): Promise<unknown>;
  openLabel?: string;
}) {
  const frames = () => lifecycleFrames(props.kind, props.id);
  const [asking, setAsking] = createSignal<FinalAction>();
  let visibilityButton: HTMLButtonElement | undefined;
  const close = (request: MutationRequest) =>
    setAsking({
      request,
      title: t("mod.confirm.closeTitle", { title: props.title }),
      body: t(props.kind === "wordcloud" ? "mod.confirm.close.wordcloud" : "mod.confirm.close.poll"),
      confirm: t("mod.close"),
    });
  const toggleVisibility = () => {
    const request = frames().visibility(!props.visible);
    if (!(props.visible && props.status === "open")) return props.run(request);
    setAsking({
      request,
      title: t("mod.confirm.hideTitle", { title: props.title }),
      body: t(`mod.confirm.hide.${props.kind}`),
      confirm: t("mod.confirm.hideAndClose"),
    });
  };
  return (
    <>
      <span class="mod-actions">
        <Show when={props.status === "draft"}>
          <button type="button" disabled={props.busy} onClick={() => props.run(frames().open)}>
            {props.openLabel ?? t("mod.open")}
          </button>
          <button type="button" class="secondary" disabled={props.busy} onClick={() => props.run(frames().remove)}>
            {t("mod.delete")}
          </button>
        </Show>
        <Show when={props.status === "open" && frames().close}>
          {(request) => (
            <button type="button" disabled={props.busy} onClick={() => close(request())}>
              {t("mod.close")}
            </button>
          )}
        </Show>
        <Show when={props.status !== "draft"}>
          <button ref={visibilityButton} type="button" class="secondary" disabled={props.busy} onClick={toggleVisibility}>
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
