import { For, Show } from "solid-js";
import type { ImportCheck } from "../../../../../core/contract/imports";
import { ta } from "../../i18n";
import { problemText } from "./problem-text";

/** What the import would do, and every row it would leave out with its column and reason. */
export function ImportPreview(props: { check: ImportCheck }) {
  const counts = () => props.check.counts;
  return (
    <section class="import-preview" aria-labelledby="import-preview-heading" tabindex="-1">
      <h3 id="import-preview-heading">{ta("admin.imports.preview.heading")}</h3>
      <dl class="import-counts">
        <div data-count="created">
          <dt>{ta("admin.imports.preview.new")}</dt>
          <dd>{counts().created}</dd>
        </div>
        <div data-count="updated">
          <dt>{ta("admin.imports.preview.updated")}</dt>
          <dd>{counts().updated}</dd>
        </div>
        <div data-count="unchanged">
          <dt>{ta("admin.imports.preview.unchanged")}</dt>
          <dd>{counts().unchanged}</dd>
        </div>
        <div data-count="invalid" classList={{ "state-failed": counts().invalid > 0 }}>
          <dt>{ta("admin.imports.preview.invalid")}</dt>
          <dd>{counts().invalid}</dd>
        </div>
      </dl>
      <Show when={props.check.problems.length > 0}>
        <div class="table-scroll">
          <table class="admin-table import-problems">
            <caption>{ta("admin.imports.problems.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{ta("admin.imports.problems.row")}</th>
                <th scope="col">{ta("admin.imports.problems.column")}</th>
                <th scope="col">{ta("admin.imports.problems.reason")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.check.problems}>
                {(p) => (
                  <tr data-row={p.row}>
                    <th scope="row">{p.row}</th>
                    <td>{p.column}</td>
                    <td>{problemText(p)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <Show when={props.check.problemCount > props.check.problems.length}>
          <p class="muted">
            {ta("admin.imports.problems.more", { count: props.check.problemCount - props.check.problems.length })}
          </p>
        </Show>
        <p>{ta("admin.imports.problems.fix")}</p>
      </Show>
    </section>
  );
}
