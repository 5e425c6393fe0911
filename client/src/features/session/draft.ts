import { createSignal } from "solid-js";

/**
 * A composer's text, sent and then cleared. Someone may type the next message, word or question
 * while the last one is on its way: clearing blindly when the answer comes would throw that away,
 * so `sent(what)` clears the field only when it still holds exactly what was sent.
 */
export function createDraft(): [text: () => string, setText: (value: string) => void, sent: (what: string) => void] {
  const [text, setText] = createSignal("");
  return [text, (value) => setText(value), (what) => text() === what && setText("")];
}
