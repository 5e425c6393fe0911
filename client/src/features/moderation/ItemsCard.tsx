import { For, type JSX } from "solid-js";
import type { ItemStatus } from "../../../../durable-objects/session/protocol";
import { ErrorNote } from "../session/ErrorNote";
import type { LiveSession } from "../session/live";
import { useAction, type Action } from "../session/useAction";
import { ItemActions, StatusBadge, type ItemKind } from "./ItemActions";

interface Item {
  id: string;
  status: ItemStatus;
  visible: boolean;
}

/**
 * A moderator's card for one kind of item (polls, quizzes, word clouds): every item, newest
 * first, drafts included, with its status, life-cycle buttons and whatever the kind shows
 * (`details`), then the editor for a new one.
 */
export function ItemsCard<T extends Item>(props: {
  live: LiveSession;
  kind: ItemKind;
  heading: string;
  items: readonly T[];
  title: (item: T) => string;
  openLabel?: string;
  details: (item: T, act: Action) => JSX.Element;
  editor: JSX.Element;
}) {
  const act = useAction(props.live);
  const headingId = `mod-${props.kind}`;
  return (
    <section class="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{props.heading}</h3>
      <ErrorNote text={act.error()} />
      <ul class="items">
        <For each={[...props.items].reverse()}>
          {(item) => (
            <li class="item" data-item-id={item.id}>
              <strong>{props.title(item)}</strong> <StatusBadge status={item.status} visible={item.visible} />
              <ItemActions
                kind={props.kind}
                id={item.id}
                status={item.status}
                visible={item.visible}
                busy={act.busy()}
                run={act.run}
                {...(props.openLabel ? { openLabel: props.openLabel } : {})}
              />
              {props.details(item, act)}
            </li>
          )}
        </For>
      </ul>
      {props.editor}
    </section>
  );
}
