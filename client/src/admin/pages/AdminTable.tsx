import { type Accessor, For, type JSX, Show } from "solid-js";
import { errorText } from "../errors";
import { type AdminKey, ta } from "../i18n";

/** A column heading's message: one of the console's shared `admin.col.*` keys, or an area's `admin.<area>.col.*`. */
export type ColumnKey = Extract<AdminKey, `admin.col.${string}` | `admin.${string}.col.${string}`>;

/**
 * What a console list says instead of (or before) its rows: the load's error, "Loading…" and,
 * when `empty`, the list's own message for having nothing.
 */
export function ListStatus(props: { error?: unknown; loading?: boolean; empty?: boolean; emptyMessage?: AdminKey }) {
  return (
    <>
      <Show when={props.error}>
        <p role="alert">{errorText(props.error)}</p>
      </Show>
      <Show when={props.loading}>
        <p role="status">{ta("admin.loading")}</p>
      </Show>
      <Show when={props.empty && props.emptyMessage}>{(key) => <p>{ta(key())}</p>}</Show>
    </>
  );
}

/**
 * A console list as a table: scrolls sideways on narrow screens, is named by a caption for
 * screen readers, has one heading per column and draws each row with `children` (the row's own
 * `<tr>`, with its data-* attributes). Shown only when there are rows, unless `showEmpty`.
 */
export function AdminTable<T>(props: {
  caption: AdminKey;
  columns: readonly ColumnKey[];
  rows: readonly T[] | undefined;
  showEmpty?: boolean;
  children: (row: T, index: Accessor<number>) => JSX.Element;
}) {
  return (
    <Show when={props.showEmpty || (props.rows?.length ?? 0) > 0}>
      <div class="table-scroll">
        <table class="admin-table">
          <caption class="visually-hidden">{ta(props.caption)}</caption>
          <thead>
            <tr>
              <For each={props.columns}>{(key) => <th scope="col">{ta(key)}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>{props.children}</For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
