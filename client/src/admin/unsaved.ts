import { onCleanup } from "solid-js";

/**
 * Unsaved work in the console. A page with an editor registers a guard while it is shown; the
 * console's own navigation (tabs, events, pages, workspaces) asks `leaveThen` before it moves
 * away, and the guard asks the person in the page's own words (a ConfirmDialog), so leaving with
 * unsaved changes is never silent. Closing or reloading the browser tab gets the browser's own
 * question, the only one a page may ask then.
 */
export interface UnsavedGuard {
  dirty(): boolean;
  /** Ask whether to leave; call `leave` if the person agrees, `stay` (if given) if not. */
  ask(leave: () => void, stay?: () => void): void;
}

let current: UnsavedGuard | undefined;

export function guardUnsaved(guard: UnsavedGuard): void {
  current = guard;
  const beforeUnload = (e: BeforeUnloadEvent) => {
    if (guard.dirty()) e.preventDefault();
  };
  window.addEventListener("beforeunload", beforeUnload);
  onCleanup(() => {
    window.removeEventListener("beforeunload", beforeUnload);
    if (current === guard) current = undefined;
  });
}

/** Runs `go` now, or once the person agreed to drop their unsaved changes. */
export function leaveThen(go: () => void, stay?: () => void): void {
  if (current?.dirty()) current.ask(go, stay);
  else go();
}
