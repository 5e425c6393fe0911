import type { ClientFrameType } from "../core/protocol";
import type { FramesOf } from "./runtime/feature";
import type { hubFeatures } from "./hub/features";
import type { sessionFeatures } from "./session/features";

/**
 * Every client frame type has a handler in some object class: a frame added to the protocol
 * without one fails to compile here, naming it. (Which class takes it is each list's business.)
 */
type Handled = FramesOf<(typeof sessionFeatures)[number]> | FramesOf<(typeof hubFeatures)[number]>;
type Unhandled = Exclude<ClientFrameType, Handled>;
export const everyFrameHandled: [Unhandled] extends [never] ? true : { "client frames without a handler": Unhandled } =
  true;
