import { createEffect, createUniqueId } from "solid-js";

/**
 * Asks before something that cannot be undone. A native modal `<dialog>`: the rest of the page is
 * inert while it is open, focus starts on the safe choice (cancel), Escape cancels, and focus
 * returns to what opened it, however it closes.
 *
 * Kept small and local to the carousel on purpose: a shared `components/ConfirmDialog.tsx` is being
 * built elsewhere, and this one has the same shape so the two fold into one at merge.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  let dialog!: HTMLDialogElement;
  let cancelButton!: HTMLButtonElement;
  let returnTo: HTMLElement | null = null;
  const id = createUniqueId();
  createEffect(() => {
    if (props.open && !dialog.open) {
      returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      cancelButton.focus();
    } else if (!props.open && dialog.open) {
      dialog.close();
    }
  });
  // `close` follows every way out (either button, Escape): the one place that restores focus, and
  // the way Escape reaches the owner as a cancel.
  const closed = () => {
    returnTo?.focus();
    returnTo = null;
    if (props.open) props.onCancel();
  };
  return (
    <dialog ref={dialog} class="confirm-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} onClose={closed}>
      <h2 id={`${id}-title`}>{props.title}</h2>
      <p id={`${id}-body`}>{props.body}</p>
      <div class="confirm-actions">
        <button ref={cancelButton} type="button" class="secondary" onClick={() => props.onCancel()}>
          {props.cancel}
        </button>
        <button type="button" class="danger" onClick={() => props.onConfirm()}>
          {props.confirm}
        </button>
      </div>
    </dialog>
  );
}
