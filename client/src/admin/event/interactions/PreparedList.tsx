import { For, Index, Show } from "solid-js";
import type { PreparedInteraction } from "../../../../../core/contract/interactions";
import { ta } from "../../i18n";
import { titleOfItem } from "./draft";

const summaryOf = (item: PreparedInteraction): string => {
  switch (item.kind) {
    case "poll":
      return ta("admin.interactions.summary.poll", { count: item.definition.options.length });
    case "quiz":
      return ta("admin.interactions.summary.quiz", { count: item.definition.questions.length });
    case "wordcloud":
      return ta("admin.interactions.summary.wordcloud", { count: item.definition.perPerson });
    default:
      return item satisfies never;
  }
};

/**
 * The session's prepared items in the moderators' order. Reordering is by buttons (move up,
 * move down), which work by keyboard and need no dragging.
 */
export function PreparedList(props: {
  items: readonly PreparedInteraction[];
  canWrite: boolean;
  busy: boolean;
  onEdit: (item: PreparedInteraction) => void;
  onDelete: (item: PreparedInteraction) => void;
  onMove: (item: PreparedInteraction, by: -1 | 1) => void;
}) {
  return (
    <ol class="prep-list">
      <For each={props.items.map((i) => i.id)}>
        {(id) => (
          <Show when={props.items.find((i) => i.id === id)}>
            {(item) => {
              const index = () => props.items.findIndex((i) => i.id === id);
              const title = () => titleOfItem(item());
              return (
                <li class="prep-item" data-prepared-id={id}>
                  <div class="prep-item-text">
                    <span class="badge">{ta(`admin.interactions.kind.${item().kind}`)}</span> <strong>{title()}</strong>{" "}
                    <span class="muted">{summaryOf(item())}</span>
                    <Show when={item().kind === "poll" || item().kind === "quiz"}>
                      <ul class="prep-options-preview">
                        <Index each={previewOf(item())}>{(line) => <li>{line()}</li>}</Index>
                      </ul>
                    </Show>
                  </div>
                  <Show when={props.canWrite}>
                    <div class="prep-item-actions">
                      <button
                        type="button"
                        class="secondary"
                        data-action="up"
                        disabled={props.busy || index() === 0}
                        aria-label={ta("admin.interactions.moveUpItem", { title: title() })}
                        onClick={() => props.onMove(item(), -1)}
                      >
                        {ta("admin.interactions.moveUp")}
                      </button>
                      <button
                        type="button"
                        class="secondary"
                        data-action="down"
                        disabled={props.busy || index() === props.items.length - 1}
                        aria-label={ta("admin.interactions.moveDownItem", { title: title() })}
                        onClick={() => props.onMove(item(), 1)}
                      >
                        {ta("admin.interactions.moveDown")}
                      </button>
                      <button
                        type="button"
                        data-action="edit"
                        aria-label={ta("admin.interactions.editItem", { title: title() })}
                        onClick={() => props.onEdit(item())}
                      >
                        {ta("admin.interactions.edit")}
                      </button>
                      <button
                        type="button"
                        class="secondary"
                        data-action="delete"
                        disabled={props.busy}
                        aria-label={ta("admin.interactions.deleteItem", { title: title() })}
                        onClick={() => props.onDelete(item())}
                      >
                        {ta("admin.interactions.delete")}
                      </button>
                    </div>
                  </Show>
                </li>
              );
            }}
          </Show>
        )}
      </For>
    </ol>
  );
}

/** A poll's options, or a quiz's questions with the right answer, so the list can be checked at a glance. */
function previewOf(item: PreparedInteraction): string[] {
  if (item.kind === "poll") return item.definition.options;
  if (item.kind === "quiz")
    return item.definition.questions.map((q) => `${q.text} → ${q.options[q.correct] ?? ""} (${q.seconds} s)`);
  return [];
}
