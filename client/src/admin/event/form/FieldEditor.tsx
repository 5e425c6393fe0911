import { createSignal, For, Show } from "solid-js";
import type { Language } from "../../../../../core/protocol/identity";
import { ta } from "../../i18n";
import type { DraftAction, DraftField, DraftOption } from "./draft";

/** Ids of a question's controls, so focus can follow a moved or added question. */
export const controlId = (fieldId: number, part: string) => `form-q${fieldId}-${part}`;

export interface FieldEditorProps {
  field: DraftField;
  index: number;
  count: number;
  languages: Language[];
  readOnly: boolean;
  /** Problems at this question, already in words, by path (`fields.2.label`, `fields.2.options.1`). */
  problems: Record<string, string>;
  /** Sessions whose audience rules use this question (saved questions only), by title. */
  usedBy: string[];
  /** Sessions whose rules use one option (by its value), by title. */
  optionUsedBy: (value: string) => string[];
  dispatch: (action: DraftAction) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

const languageName = (l: Language) => ta(`admin.language.${l}`);

/** One question of the form, edited in place: its label in each language, options, required. */
export function FieldEditor(props: FieldEditorProps) {
  const id = (part: string) => controlId(props.field.id, part);
  const path = (rest: string) => `fields.${props.index}${rest}`;
  const number = () => props.index + 1;
  const choices = () => props.field.kind === "choice" || props.field.kind === "multi-choice";
  const [blocked, setBlocked] = createSignal<string>();
  const [optionBlocked, setOptionBlocked] = createSignal<{ optionId: number; text: string }>();
  const labelProblem = () => props.problems[path(".label")];
  // Anything the server named under this question that has no place of its own shows at its top.
  const otherProblems = () =>
    Object.entries(props.problems)
      .filter(
        ([p]) =>
          p !== path(".label") &&
          p !== path(".maxLength") &&
          p !== path(".options") &&
          !p.startsWith(path(".options.")),
      )
      .map(([, text]) => text);

  function remove() {
    if (props.usedBy.length > 0) {
      setBlocked(ta("admin.form.cannotRemove", { sessions: props.usedBy.join(", ") }));
      return;
    }
    props.onRemove();
  }

  function removeOption(option: DraftOption) {
    const users = option.saved ? props.optionUsedBy(option.value) : [];
    if (users.length > 0) {
      setOptionBlocked({ optionId: option.id, text: ta("admin.form.cannotRemove", { sessions: users.join(", ") }) });
      return;
    }
    setOptionBlocked(undefined);
    props.dispatch({ type: "removeOption", id: props.field.id, optionId: option.id });
  }

  return (
    <li class="form-question" data-key={props.field.key}>
      <fieldset disabled={props.readOnly}>
        <legend>
          {ta("admin.form.question", { number: number(), kind: ta(`admin.form.kind.${props.field.kind}`) })}
        </legend>
        <Show when={otherProblems().length > 0}>
          <ul class="field-error" id={id("errors")}>
            <For each={otherProblems()}>{(text) => <li>{text}</li>}</For>
          </ul>
        </Show>
        <For each={props.languages}>
          {(lang, i) => (
            <div class="field">
              <label for={id(`label-${lang}`)}>
                {ta(props.field.kind === "consent" ? "admin.form.consentLabel" : "admin.form.label", {
                  language: languageName(lang),
                })}
              </label>
              <input
                id={id(`label-${lang}`)}
                value={props.field.label[lang] ?? ""}
                maxLength={200}
                onInput={(e) =>
                  props.dispatch({ type: "label", id: props.field.id, lang, text: e.currentTarget.value })
                }
                aria-invalid={labelProblem() ? "true" : undefined}
                aria-describedby={i() === 0 && labelProblem() ? id("label-error") : undefined}
              />
            </div>
          )}
        </For>
        <Show when={labelProblem()}>
          <p class="field-error" id={id("label-error")}>
            {labelProblem()}
          </p>
        </Show>
        <p class="muted form-key">
          {ta("admin.form.key", { key: props.field.key })}
          <Show when={!props.field.saved}> {ta("admin.form.keyNew")}</Show>
        </p>
        <Show when={props.usedBy.length > 0}>
          <p class="muted">{ta("admin.form.usedBy", { sessions: props.usedBy.join(", ") })}</p>
        </Show>
        <label class="check">
          <input
            type="checkbox"
            checked={props.field.required}
            onChange={(e) =>
              props.dispatch({ type: "required", id: props.field.id, required: e.currentTarget.checked })
            }
          />
          {ta("admin.form.required")}
        </label>
        <Show when={props.field.kind === "text"}>
          <div class="field">
            <label for={id("max")}>{ta("admin.form.maxLength")}</label>
            <input
              id={id("max")}
              type="number"
              inputmode="numeric"
              min="1"
              max="2000"
              class="form-number"
              value={props.field.maxLength ?? ""}
              onInput={(e) => {
                const raw = e.currentTarget.value.trim();
                props.dispatch({
                  type: "maxLength",
                  id: props.field.id,
                  maxLength: raw === "" ? undefined : Number(raw),
                });
              }}
              aria-describedby={`${id("max-help")}${props.problems[path(".maxLength")] ? ` ${id("max-error")}` : ""}`}
              aria-invalid={props.problems[path(".maxLength")] ? "true" : undefined}
            />
            <p class="muted" id={id("max-help")}>
              {ta("admin.form.maxLengthHelp")}
            </p>
            <Show when={props.problems[path(".maxLength")]}>
              <p class="field-error" id={id("max-error")}>
                {props.problems[path(".maxLength")]}
              </p>
            </Show>
          </div>
        </Show>
        <Show when={choices()}>
          <fieldset class="form-options">
            <legend>{ta("admin.form.options")}</legend>
            <Show when={props.problems[path(".options")]}>
              <p class="field-error">{props.problems[path(".options")]}</p>
            </Show>
            <ol>
              <For each={props.field.options.map((o) => o.id)}>
                {(optionId) => {
                  const option = () => props.field.options.find((o) => o.id === optionId)!;
                  const at = () => props.field.options.findIndex((o) => o.id === optionId);
                  const problem = () => props.problems[path(`.options.${at()}`)];
                  const oid = (part: string) => id(`o${optionId}-${part}`);
                  return (
                    <li class="form-option">
                      <For each={props.languages}>
                        {(lang) => (
                          <div class="field">
                            <label for={oid(lang)}>
                              {ta("admin.form.option", { number: at() + 1, language: languageName(lang) })}
                            </label>
                            <input
                              id={oid(lang)}
                              value={option().labels[lang] ?? ""}
                              maxLength={100}
                              onInput={(e) =>
                                props.dispatch({
                                  type: "optionLabel",
                                  id: props.field.id,
                                  optionId,
                                  lang,
                                  text: e.currentTarget.value,
                                })
                              }
                              aria-invalid={problem() ? "true" : undefined}
                              aria-describedby={problem() ? oid("error") : undefined}
                            />
                          </div>
                        )}
                      </For>
                      <p class="muted form-key">{ta("admin.form.optionValue", { value: option().value })}</p>
                      <Show when={problem()}>
                        <p class="field-error" id={oid("error")}>
                          {problem()}
                        </p>
                      </Show>
                      <div class="form-actions">
                        <button
                          type="button"
                          class="secondary"
                          id={oid("up")}
                          disabled={at() === 0}
                          aria-label={ta("admin.form.optionUp", { number: at() + 1 })}
                          onClick={() => props.dispatch({ type: "moveOption", id: props.field.id, optionId, by: -1 })}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          class="secondary"
                          id={oid("down")}
                          disabled={at() === props.field.options.length - 1}
                          aria-label={ta("admin.form.optionDown", { number: at() + 1 })}
                          onClick={() => props.dispatch({ type: "moveOption", id: props.field.id, optionId, by: 1 })}
                        >
                          ↓
                        </button>
                        <button type="button" class="secondary" onClick={() => removeOption(option())}>
                          {ta("admin.form.optionRemove", { number: at() + 1 })}
                        </button>
                      </div>
                      <Show when={optionBlocked()?.optionId === optionId}>
                        <p class="field-error" role="alert">
                          {optionBlocked()?.text}
                        </p>
                      </Show>
                    </li>
                  );
                }}
              </For>
            </ol>
            <button
              type="button"
              class="secondary"
              onClick={() => props.dispatch({ type: "addOption", id: props.field.id })}
            >
              {ta("admin.form.addOption")}
            </button>
          </fieldset>
        </Show>
        <div class="form-actions">
          <button
            type="button"
            class="secondary"
            id={id("up")}
            disabled={props.index === 0}
            onClick={() => props.onMove(-1)}
          >
            {ta("admin.form.upOf", { number: number() })}
          </button>
          <button
            type="button"
            class="secondary"
            id={id("down")}
            disabled={props.index === props.count - 1}
            onClick={() => props.onMove(1)}
          >
            {ta("admin.form.downOf", { number: number() })}
          </button>
          <button type="button" class="danger" id={id("remove")} onClick={remove}>
            {ta("admin.form.removeOf", { number: number() })}
          </button>
        </div>
        <Show when={blocked()}>
          <p class="field-error" role="alert">
            {blocked()}
          </p>
        </Show>
      </fieldset>
    </li>
  );
}
