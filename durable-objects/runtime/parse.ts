import * as v from "valibot";
import {
  ClientFrame,
  clientFrameTypes,
  ErrorFrameCode,
  MAX_CLIENT_FRAME_BYTES,
  type ErrorFrame,
} from "../../core/protocol";

export type ParseResult = { ok: true; frame: ClientFrame } | { ok: false; error: ErrorFrame };

const refuse = (code: ErrorFrameCode, message: string, extra: Partial<ErrorFrame> = {}): ParseResult => ({
  ok: false,
  error: { type: "error", code, message, ...extra } satisfies ErrorFrame,
});

/** Turns a raw websocket message into a typed client frame, or an error frame that says why not. */
export function parseClientFrame(
  message: string | ArrayBuffer,
  maxBytes: number = MAX_CLIENT_FRAME_BYTES,
): ParseResult {
  if (typeof message !== "string") return refuse(ErrorFrameCode.badFrame, "Frames must be JSON text.");
  // A UTF-8 character takes at most 3 bytes per UTF-16 unit, so only long frames need encoding.
  if (message.length * 3 > maxBytes && new TextEncoder().encode(message).byteLength > maxBytes) {
    return refuse(ErrorFrameCode.tooLarge, `Frames are limited to ${maxBytes} bytes.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(message);
  } catch {
    return refuse(ErrorFrameCode.badJson, "The frame is not valid JSON.");
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return refuse(ErrorFrameCode.badFrame, "A frame must be a JSON object.", { field: "type" });
  }
  const record = raw as Record<string, unknown>;
  const ref = typeof record.id === "string" ? { ref: record.id.slice(0, 64) } : {};
  if (typeof record.type !== "string") {
    return refuse(ErrorFrameCode.badFrame, "A frame needs a string `type`.", { field: "type", ...ref });
  }
  if (!clientFrameTypes.has(record.type)) {
    return refuse(ErrorFrameCode.unknownType, `Unknown frame type "${record.type.slice(0, 40)}".`, {
      field: "type",
      ...ref,
    });
  }
  const parsed = v.safeParse(ClientFrame, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const field = v.getDotPath(issue) ?? undefined;
    return refuse(
      ErrorFrameCode.badFrame,
      `Invalid ${record.type} frame${field ? ` at ${field}` : ""}: ${issue.message}`,
      {
        ...(field ? { field } : {}),
        ...ref,
      },
    );
  }
  return { ok: true, frame: parsed.output };
}
