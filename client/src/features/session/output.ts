import type { Component } from "solid-js";
import type { ListedOnce } from "../../lib/listed-once";
import type { LiveSession } from "./live";

/**
 * A producer's output (`/output/:sessionId/:kind`): one live result at 1920×1080 for capture into
 * the broadcast, declared in its feature's folder (features/<feature>/output.tsx) and listed once
 * (output/outputs.ts).
 */
export interface Output<K extends string> {
  /** The last part of the output's URL (and the page's `data-kind`). */
  readonly kind: K;
  /** The page's content: no controls, nothing that moves the layout around or asks for input. */
  readonly View: Component<{ live: LiveSession }>;
}

export const defineOutput = <const K extends string>(output: Output<K>): Output<K> => output;

/** The outputs a producer can open; a kind listed twice fails to compile, naming the kind. */
export const outputList = <const L extends readonly Output<string>[]>(outputs: L & ListedOnce<L, "kind">): L => outputs;

export type KindOf<L extends readonly Output<string>[]> = L[number]["kind"];
