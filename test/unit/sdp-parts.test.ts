import { describe, expect, it } from "vitest";
import { DescriptionAssembler, splitDescription } from "../../client/src/features/rtc/sdp-parts.ts";
import { SDP_PART_CHARS } from "../../core/protocol/rtc.ts";

describe("SDP in parts", () => {
  const sdp = `v=0\r\n${"a=candidate:x\r\n".repeat(1000)}`;

  it("splits a large description into frames the socket accepts and puts it back together", () => {
    const parts = splitDescription("offer", sdp, "n1");
    expect(parts.length).toBe(Math.ceil(sdp.length / SDP_PART_CHARS));
    expect(parts.every((p) => p.sdp.length <= SDP_PART_CHARS)).toBe(true);
    const assembler = new DescriptionAssembler();
    const shuffled = [...parts].reverse();
    const results = shuffled.map((p) => assembler.add("peer-a", p));
    expect(results.slice(0, -1).every((r) => r === undefined)).toBe(true);
    expect(results.at(-1)).toEqual({ type: "offer", sdp });
  });

  it("drops an unfinished description when the same peer starts a new one", () => {
    const assembler = new DescriptionAssembler();
    const old = splitDescription("offer", sdp, "old");
    assembler.add("peer-a", old[0]!);
    const fresh = splitDescription("answer", "v=0\r\n", "new");
    expect(assembler.add("peer-a", fresh[0]!)).toEqual({ type: "answer", sdp: "v=0\r\n" });
    // The rest of the old one can never complete it.
    expect(old.slice(1).map((p) => assembler.add("peer-a", p))).toEqual(old.slice(1).map(() => undefined));
  });

  it("refuses descriptions too large to signal", () => {
    expect(() => splitDescription("offer", "x".repeat(SDP_PART_CHARS * 9), "n")).toThrow(/too large/);
  });
});
