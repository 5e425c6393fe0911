import { For } from "solid-js";
import type { AdminEvent } from "../../../../../core/contract/index";
import type { ImportColumn } from "../../../../../core/contract/imports";
import { textIn } from "../../../../../core/protocol/localized";
import { language } from "../../../i18n";
import { ta } from "../../i18n";

const BUILT_IN = ["email", "name", "language", "role", "selections"] as const;

/** A column choice as a select's value: `email`, `attr:ticket`, `ignored`. */
export const choiceValue = (c: ImportColumn) => (c.kind === "attribute" ? `attr:${c.key}` : c.kind);
export function choiceOf(value: string): ImportColumn {
  if (value.startsWith("attr:")) return { kind: "attribute", key: value.slice(5) };
  const kind = [...BUILT_IN, "ignored"].find((k) => k === value) ?? "ignored";
  return { kind } as ImportColumn;
}

/**
 * The file's columns with what each holds, suggested the way the server reads a header and
 * changeable per column: a label in another language, or a column to leave out.
 */
export function ColumnMapping(props: {
  event: AdminEvent;
  header: string[];
  example: string[];
  suggested: ImportColumn[];
  columns: ImportColumn[];
  onChange: (index: number, column: ImportColumn) => void;
}) {
  const label = (key: string) => {
    const field = props.event.fields.find((f) => f.key === key);
    return field
      ? ta("admin.imports.holds.field", { label: textIn(field.label, language(), props.event.languages) })
      : ta("admin.imports.holds.extra", { key });
  };
  // Form questions, then any extra detail a column was read as (kept on the registration).
  const attributes = () => [
    ...new Set([
      ...props.event.fields.map((f) => f.key),
      ...props.suggested.flatMap((c) => (c.kind === "attribute" ? [c.key] : [])),
    ]),
  ];
  return (
    <div class="table-scroll">
      <table class="admin-table import-columns">
        <caption>{ta("admin.imports.columns.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{ta("admin.imports.columns.column")}</th>
            <th scope="col">{ta("admin.imports.columns.holds")}</th>
            <th scope="col">{ta("admin.imports.columns.example")}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.header}>
            {(name, index) => (
              <tr>
                <th scope="row">{name}</th>
                <td>
                  <select
                    aria-label={ta("admin.imports.columns.holdsOf", { column: name })}
                    value={choiceValue(props.columns[index()] ?? { kind: "ignored" })}
                    onChange={(e) => props.onChange(index(), choiceOf(e.currentTarget.value))}
                  >
                    <For each={BUILT_IN}>
                      {(kind) => <option value={kind}>{ta(`admin.imports.holds.${kind}`)}</option>}
                    </For>
                    <For each={attributes()}>{(key) => <option value={`attr:${key}`}>{label(key)}</option>}</For>
                    <option value="ignored">{ta("admin.imports.holds.ignored")}</option>
                  </select>
                </td>
                <td class="muted">{props.example[index()] ?? ""}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
