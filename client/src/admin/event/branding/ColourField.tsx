import { createSignal, createEffect, Show } from "solid-js";
import { isHexColour } from "../../../../../core/rules/contrast";
import { ta } from "../../i18n";

/**
 * One colour: the browser's picker and the hex code side by side, each labelled, kept in step.
 * The hex field takes what is typed and hands on only whole colours; a half-typed one stays in
 * the field, marked, until it is whole.
 */
export function ColourField(props: {
  id: string;
  label: string;
  help: string;
  value: string;
  disabled: boolean;
  /** A refusal from the server or the live check, shown under the field. */
  error?: string | undefined;
  onChange: (hex: string) => void;
}) {
  const [typed, setTyped] = createSignal(props.value);
  createEffect(() => setTyped(props.value));
  const malformed = () => !isHexColour(typed().trim());
  const described = () =>
    [
      `${props.id}-help`,
      ...(props.error ? [`${props.id}-error`] : []),
      ...(malformed() ? [`${props.id}-hex-error`] : []),
    ].join(" ");
  return (
    <fieldset class="field colour-field">
      <legend>{props.label}</legend>
      <p id={`${props.id}-help`} class="muted">
        {props.help}
      </p>
      <div class="colour-inputs">
        <input
          type="color"
          id={`${props.id}-picker`}
          aria-label={ta("admin.branding.pickerOf", { colour: props.label.toLowerCase() })}
          value={props.value}
          disabled={props.disabled}
          onInput={(e) => props.onChange(e.currentTarget.value.toLowerCase())}
        />
        <label class="visually-hidden" for={props.id}>
          {ta("admin.branding.hexOf", { colour: props.label })}
        </label>
        <input
          type="text"
          id={props.id}
          class="colour-hex"
          spellcheck={false}
          autocomplete="off"
          maxLength={7}
          value={typed()}
          disabled={props.disabled}
          aria-invalid={props.error || malformed() ? "true" : undefined}
          aria-describedby={described()}
          onInput={(e) => {
            const value = e.currentTarget.value.trim();
            setTyped(value);
            if (isHexColour(value)) props.onChange(value.toLowerCase());
          }}
        />
      </div>
      <Show when={malformed()}>
        <p id={`${props.id}-hex-error`} class="field-error">
          {ta("admin.branding.hexInvalid")}
        </p>
      </Show>
      <Show when={props.error}>
        {(message) => (
          <p id={`${props.id}-error`} class="field-error">
            {message()}
          </p>
        )}
      </Show>
    </fieldset>
  );
}
