import { CloseCode, ErrorFrameCode, PROTOCOL_VERSION, type HelloFrame, type WelcomeFrame } from "../protocol";
import { writeAttachment } from "../runtime/attachment";
import type { FrameContext } from "../runtime/context";
import { send } from "../runtime/send";

export function onHello(frame: HelloFrame, { ws, who, room }: FrameContext): void {
  if (frame.v !== PROTOCOL_VERSION) {
    send(ws, {
      type: "error",
      code: ErrorFrameCode.badFrame,
      field: "v",
      message: `This page speaks protocol ${frame.v}; the server speaks ${PROTOCOL_VERSION}. Reload the page.`,
    });
    ws.close(CloseCode.protocolMismatch, "protocol version mismatch");
    return;
  }
  writeAttachment(ws, { ...who, ready: true, device: frame.device ?? who.device });
  send(ws, {
    type: "welcome",
    v: PROTOCOL_VERSION,
    sessionId: room.sessionId,
    you: { registrationId: who.registrationId, name: who.name, role: who.role },
    serverTime: room.now(),
    seq: room.seq(),
  } satisfies WelcomeFrame);
}
