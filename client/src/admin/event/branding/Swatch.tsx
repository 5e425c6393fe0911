import { createEffect } from "solid-js";

/** A small square of a colour, set through the CSSOM (the CSP refuses style attributes). */
export function Swatch(props: { hex: string }) {
  let el!: HTMLSpanElement;
  createEffect(() => el.style.setProperty("background", props.hex));
  return <span ref={el} class="swatch" aria-hidden="true" />;
}
