import { createSignal } from "solid-js";
import { ta } from "../../i18n";

/**
 * A value to hand to someone else (an encoder, a player): read-only, selectable, with a copy
 * button whose outcome is said in a status message. Where the browser refuses the clipboard
 * (no permission, not a secure context) the text is selected for the person to copy.
 */
export function CopyField(props: { id: string; label: string; value: string; describedBy?: string }) {
  const [said, setSaid] = createSignal("");
  let input!: HTMLInputElement;
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.value);
      setSaid(ta("admin.media.copied", { what: props.label }));
    } catch {
      input.focus();
      input.select();
      setSaid(ta("admin.media.copyFailed"));
    }
  }
  return (
    <div class="field media-copy">
      <label for={props.id}>{props.label}</label>
      <div class="media-copy-row">
        <input
          ref={input}
          id={props.id}
          type="text"
          readOnly
          value={props.value}
          autocomplete="off"
          spellcheck={false}
          aria-describedby={props.describedBy}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          class="secondary"
          onClick={copy}
          aria-label={ta("admin.media.copy", { what: props.label })}
        >
          {ta("admin.media.copyShort")}
        </button>
      </div>
      <p role="status" class="media-copy-status">
        {said()}
      </p>
    </div>
  );
}
