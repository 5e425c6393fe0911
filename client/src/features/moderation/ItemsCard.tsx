import { createMemo, For, Show, type JSX } from "solid-js";
import type { ItemStatus } from "../../../../core/protocol";
import { ErrorNote } from "../session/ErrorNote";
import type { LiveSession } from "../session/live";
import { useAction, type Action } from "../session/useAction";
import { ItemActions, StatusBadge, type Lifecycle } from "./ItemActions";

interface Item {
  id: string;
  status: ItemStatus;
  visible: boolean;
}

/**
 * A moderator's card for one kind of item (polls, quizzes, word clouds): every item, newest
 * first, drafts included, with its status and life-cycle buttons (the same for every kind), then
 * what the kind adds: its live details under each item, and the editor for a new one.
 */
export function ItemsCard<T extends Item>(props: {
  live: LiveSession;
  /** The feature's name (poll, quiz, wordcloud), for the card's heading id. */
  kind: string;
  heading: string;
  items: readonly T[];
  title: (item: T) => string;
  /** The kind's frames for the item with this id. */
  lifecycle: (id: string) => Lifecycle;
  openLabel?: string;
  /** Gets the item as an accessor: its row stays while the item object is replaced. */
  details: (item: () => T, act: Action) => JSX.Element;
  editor: JSX.Element;
}) {
  const act = useAction(props.live);
  const headingId = `mod-${props.kind}`;
  // Rows are keyed by id, not by the item object: every tally or progress update replaces the
  // object, and a row rebuilt four times a second would drop the moderator's focus and close a
  // confirmation they are about to answer.
  const ids = createMemo(() => [...props.items].reverse().map((i) => i.id));
  const byId = (id: string) => props.items.find((i) => i.id === id);
  return (
    <section class="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{props.heading}</h3>
      <ErrorNote text={act.error()} />
      <ul class="items">
        <For each={ids()}>
          {(id) => (
            <Show when={byId(id)}>
              {(item) => (
                <li class="item" data-item-id={id}>
                  <strong>{props.title(item())}</strong> <StatusBadge status={item().status} visible={item().visible} />
                  <ItemActions
                    lifecycle={props.lifecycle(id)}
                    title={props.title(item())}
                    status={item().status}
                    visible={item().visible}
                    busy={act.busy()}
                    run={act.run}
                    {...(props.openLabel ? { openLabel: props.openLabel } : {})}
                  />
                  {props.details(item, act)}
                </li>
              )}
            </Show>
          )}
        </For>
      </ul>
      {props.editor}
    </section>
  );
}
