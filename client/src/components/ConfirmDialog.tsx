import { createEffect, createUniqueId, onCleanup } from "solid-js";
import "./confirm-dialog.css";

/**
 * Asks before a final action (closing a vote, sending e-mails, stopping the carousel). A modal
 * `<dialog>`: the page behind it is inert, focus moves onto Cancel (the safe choice for an
 * action that cannot be undone), Escape cancels, and focus goes back to the control that opened
 * it. The caller owns `open` and passes every word in, already translated, so any page (the
 * portal's catalogue or the organizer's) can use it. An opener that the action removes (a
 * "Close" button) cannot take focus back: the caller then moves it somewhere that stays.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  body: string;
  /** The button that does it, named for what it does ("Close voting", "Send them now"). */
  confirm: string;
  cancel: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  const id = createUniqueId();
  let dialog!: HTMLDialogElement;
  let cancelButton!: HTMLButtonElement;
  let opener: HTMLElement | null = null;

  createEffect(() => {
    if (props.open && !dialog.open) {
      opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.returnValue = "";
      dialog.showModal();
      cancelButton.focus();
    } else if (!props.open && dialog.open) {
      dialog.close();
    }
  });
  onCleanup(() => dialog.open && dialog.close());

  // Every way out (a button, Escape, the caller closing it) ends here, exactly once.
  const closed = () => {
    const confirmed = dialog.returnValue === "confirm";
    if (opener?.isConnected) opener.focus();
    opener = null;
    if (confirmed) props.onConfirm();
    else props.onCancel();
  };

  return (
    <dialog
      ref={dialog}
      class="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={closed}
    >
      {/* method="dialog": the pressed button's value becomes the dialog's returnValue. */}
      <form method="dialog">
        <h2 id={`${id}-title`}>{props.title}</h2>
        <p id={`${id}-body`}>{props.body}</p>
        <div class="confirm-actions">
          <button ref={cancelButton} type="submit" value="cancel" class="confirm-cancel">
            {props.cancel}
          </button>
          <button type="submit" value="confirm" class="confirm-ok">
            {props.confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}
