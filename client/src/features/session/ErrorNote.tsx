import { Show } from "solid-js";

/** A refusal next to the control that caused it; announced at once. */
export function ErrorNote(props: { text: string | undefined; id?: string }) {
  return (
    <p class="form-error" role="alert" id={props.id}>
      <Show when={props.text}>{props.text}</Show>
    </p>
  );
}
