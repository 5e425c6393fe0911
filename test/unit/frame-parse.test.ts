import { describe, expect, it } from "vitest";
import { parseClientFrame } from "../../durable-objects/runtime/parse";

describe("client frame parser", () => {
  it("accepts a valid hello", () => {
    expect(parseClientFrame(JSON.stringify({ type: "hello", v: 1, lastSeq: 4, device: "mobile" }))).toEqual({
      ok: true,
      frame: { type: "hello", v: 1, lastSeq: 4, device: "mobile" },
    });
  });

  it("accepts a hello from an output page, and one from a page that predates the field", () => {
    expect(parseClientFrame('{"type":"hello","v":1,"client":"output"}')).toMatchObject({
      ok: true,
      frame: { client: "output" },
    });
    expect(parseClientFrame('{"type":"hello","v":1}')).toEqual({ ok: true, frame: { type: "hello", v: 1 } });
  });

  it.each([
    ["binary", new ArrayBuffer(4), "bad_frame", undefined],
    ["not json", "{", "bad_json", undefined],
    ["an array", "[]", "bad_frame", "type"],
    ["no type", "{}", "bad_frame", "type"],
    ["unknown type", '{"type":"nope"}', "unknown_type", "type"],
    ["wrong field type", '{"type":"clock/ping","t":"x"}', "bad_frame", "t"],
    ["extra field", '{"type":"clock/ping","t":1,"admin":true}', "bad_frame", "admin"],
    ["negative lastSeq", '{"type":"hello","v":1,"lastSeq":-1}', "bad_frame", "lastSeq"],
    ["an unknown kind of client", '{"type":"hello","v":1,"client":"ghost"}', "bad_frame", "client"],
  ] as const)("refuses %s with %s", (_, input, code, field) => {
    const result = parseClientFrame(input as string | ArrayBuffer);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.field).toBe(field);
      expect(result.error.message.length).toBeGreaterThan(5);
    }
  });

  it("refuses frames over the size limit before parsing them", () => {
    const result = parseClientFrame(JSON.stringify({ type: "clock/ping", t: 1, pad: "é".repeat(5000) }));
    expect(result).toMatchObject({ ok: false, error: { code: "too_large" } });
  });

  it("echoes a client mutation id as ref so the client can match the error", () => {
    const result = parseClientFrame('{"type":"nope","id":"abcdefgh1"}');
    expect(result).toMatchObject({ ok: false, error: { ref: "abcdefgh1" } });
  });
});
