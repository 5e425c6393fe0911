import { createSignal } from "solid-js";

/**
 * Whether this page is in a stream room's call right now. The stage player stays muted while it
 * is: the stage's sound would otherwise reach the studio through the person's microphone, a few
 * seconds late (an echo on air).
 */
const [inStudio, setInStudio] = createSignal(false);
export { inStudio, setInStudio };
