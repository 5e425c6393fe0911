import { Index, Show } from "solid-js";
import { ta } from "../../i18n";
import { fieldId } from "./draft";

/** Field errors of the open form, already in words, by the API's path (`options.1`). */
export type Errors = Record<string, string>;

const errorId = (path: string) => `${fieldId(path)}-error`;

/** A field's error under it, named by the input's aria-describedby. */
export function FieldError(props: { path: string; errors: Errors }) {
  return (
    <Show when={props.errors[props.path]}>
      <p class="field-error" id={errorId(props.path)}>
        {props.errors[props.path]}
      </p>
    </Show>
  );
}

export function TextField(props: {
  path: string;
  label: string;
  value: string;
  maxlength?: number;
  type?: "text" | "number";
  min?: number;
  max?: number;
  errors: Errors;
  onInput: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={fieldId(props.path)}>{props.label}</label>
      <input
        id={fieldId(props.path)}
        type={props.type ?? "text"}
        inputmode={props.type === "number" ? "numeric" : undefined}
        min={props.min}
        max={props.max}
        maxlength={props.maxlength}
        value={props.value}
        aria-invalid={props.errors[props.path] ? "true" : undefined}
        aria-describedby={props.errors[props.path] ? errorId(props.path) : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <FieldError path={props.path} errors={props.errors} />
    </div>
  );
}

/**
 * A list of answer options, each its own labelled input with a remove button (while more than
 * the minimum are left), and a button to add one (up to the maximum).
 */
export function OptionList(props: {
  /** "" for a poll, "questions.0." for a quiz question. */
  prefix: string;
  options: readonly string[];
  min: number;
  max: number;
  maxlength: number;
  errors: Errors;
  onChange: (options: string[]) => void;
  /** Option `i` was removed (its translations go with it). */
  onRemove?: (i: number) => void;
}) {
  const set = (i: number, value: string) => props.onChange(props.options.map((o, j) => (j === i ? value : o)));
  const remove = (i: number) => {
    props.onChange(props.options.filter((_, j) => j !== i));
    props.onRemove?.(i);
    // The removed input had focus: the one that took its place (or the last) gets it.
    queueMicrotask(() =>
      document.getElementById(fieldId(`${props.prefix}options.${Math.min(i, props.options.length - 1)}`))?.focus(),
    );
  };
  const add = () => {
    props.onChange([...props.options, ""]);
    queueMicrotask(() =>
      document.getElementById(fieldId(`${props.prefix}options.${props.options.length - 1}`))?.focus(),
    );
  };
  return (
    <div class="prep-options">
      <FieldError path={`${props.prefix}options`} errors={props.errors} />
      <Index each={props.options}>
        {(option, i) => {
          const path = () => `${props.prefix}options.${i}`;
          return (
            <div class="prep-option">
              <TextField
                path={path()}
                label={ta("admin.interactions.option", { n: i + 1 })}
                value={option()}
                maxlength={props.maxlength}
                errors={props.errors}
                onInput={(v) => set(i, v)}
              />
              <Show when={props.options.length > props.min}>
                <button type="button" class="secondary" onClick={() => remove(i)}>
                  {ta("admin.interactions.removeOption", { n: i + 1 })}
                </button>
              </Show>
            </div>
          );
        }}
      </Index>
      <Show when={props.options.length < props.max}>
        <button type="button" class="secondary" onClick={add}>
          {ta("admin.interactions.addOption")}
        </button>
      </Show>
    </div>
  );
}
