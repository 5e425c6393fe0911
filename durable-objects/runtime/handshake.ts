import { CloseCode, ErrorFrameCode, PROTOCOL_VERSION, isStaff, type HelloFrame } from "../../core/protocol";
import type { FrameContext } from "./context";
import { send } from "./send";

/**
 * The checks every object makes on a hello before it greets: the page speaks this protocol
 * version (otherwise it is told to reload and the socket closes), and only staff say they are
 * an output page. Returns whether the hello may go on.
 */
export function acceptHello(frame: HelloFrame, { ws, who }: FrameContext): boolean {
  if (frame.v !== PROTOCOL_VERSION) {
    send(ws, {
      type: "error",
      code: ErrorFrameCode.badFrame,
      field: "v",
      message: `This page speaks protocol ${frame.v}; the server speaks ${PROTOCOL_VERSION}. Reload the page.`,
    });
    ws.close(CloseCode.protocolMismatch, "protocol version mismatch");
    return false;
  }
  // An output page is left out of presence; a participant saying so would simply be invisible.
  if (frame.client === "output" && !isStaff(who.role)) {
    send(ws, {
      type: "error",
      code: ErrorFrameCode.notAllowed,
      field: "client",
      message: "Only producers and moderators can open output pages. Say hello without `client`.",
    });
    return false;
  }
  return true;
}
