import { Show } from "solid-js";
import type { ItemStatus } from "../../../../durable-objects/session/protocol";
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

/** Open / close / show / hide / delete, offered only where the life cycle allows them. */
export function ItemActions(props: { kind: ItemKind; id: string; status: ItemStatus; visible: boolean; busy: boolean; run(request: MutationRequest): void; openLabel?: string }) {
  const frames = () => lifecycleFrames(props.kind, props.id);
  return (
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
        {(close) => (
          <button type="button" disabled={props.busy} onClick={() => props.run(close())}>
            {t("mod.close")}
          </button>
        )}
      </Show>
      <Show when={props.status !== "draft"}>
        <button type="button" class="secondary" disabled={props.busy} onClick={() => props.run(frames().visibility(!props.visible))}>
          {props.visible ? t("mod.hide") : t("mod.show")}
        </button>
      </Show>
    </span>
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
