import { describe, expect, it } from "vitest";
import { cleanText } from "../../../core/rules/text";
import { take, type Bucket } from "../../../durable-objects/runtime/rate-limit";

describe("cleanText", () => {
  it("trims, unifies line endings and drops control and bidi-override characters", () => {
    expect(cleanText("  hi\r\nthere\u202E!\u0007 ", 100, { multiline: true })).toEqual({
      ok: true,
      value: "hi\nthere!",
    });
  });

  it("flattens single-line text and collapses long runs of blank lines in multi-line text", () => {
    expect(cleanText("a\n\n b\t c", 100)).toEqual({ ok: true, value: "a b c" });
    expect(cleanText("a\n\n\n\n\nb", 100, { multiline: true })).toEqual({ ok: true, value: "a\n\nb" });
  });

  it("refuses empty text and counts characters, not UTF-16 units", () => {
    expect(cleanText(" \n ", 10)).toMatchObject({ ok: false, code: "bad_frame", field: "text" });
    expect(cleanText("😀".repeat(5), 5)).toEqual({ ok: true, value: "😀".repeat(5) });
    expect(cleanText("😀".repeat(6), 5)).toMatchObject({
      ok: false,
      code: "bad_frame",
      message: expect.stringContaining("5 characters"),
    });
  });
});

describe("token bucket", () => {
  const rule = { burst: 3, refillMs: 1000 };

  it("allows a burst, then refuses with the time until the next token", () => {
    let bucket: Bucket | undefined;
    for (let i = 0; i < 3; i++) {
      const r = take(bucket, rule, 0);
      expect(r.ok).toBe(true);
      bucket = r.bucket;
    }
    const refused = take(bucket, rule, 250);
    expect(refused).toMatchObject({ ok: false, retryAfterMs: 750 });
  });

  it("refills at the steady rate and never beyond the burst", () => {
    const empty = { tokens: 0, at: 0 };
    expect(take(empty, rule, 1000).ok).toBe(true);
    const later = take(empty, rule, 60_000);
    expect(later.ok && later.bucket.tokens).toBe(2);
  });
});

describe("tick interval", () => {
  it("is a quarter second in normal rooms and stretches to a second in very big ones", async () => {
    const { tickInterval } = await import("../../../durable-objects/runtime/ticker");
    expect(tickInterval(10)).toBe(250);
    expect(tickInterval(2_000)).toBe(500);
    expect(tickInterval(50_000)).toBe(1_000);
  });
});
