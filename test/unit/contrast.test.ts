import { describe, expect, it } from "vitest";
import {
  AA_TEXT,
  accentRatio,
  brandTheme,
  checkBranding,
  contrastRatio,
  luminance,
  nearestPassing,
  ratioText,
} from "../../core/rules/contrast";

/** Hue in degrees of a #rrggbb colour, to check a suggestion keeps it. */
function hue(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return h * 60;
}

describe("WCAG contrast", () => {
  it("gives the known ratios", () => {
    expect(luminance("#ffffff")).toBe(1);
    expect(luminance("#000000")).toBe(0);
    expect(contrastRatio("#000000", "#ffffff")).toBe(21);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    // The classic pair at the AA line: #767676 passes on white, #777777 does not.
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#0000ff", "#ffffff")).toBeCloseTo(8.59, 2);
    expect(contrastRatio("#ff0000", "#ffffff")).toBeCloseTo(4.0, 2);
    // Order does not matter.
    expect(contrastRatio("#ffffff", "#1f3a5f")).toBe(contrastRatio("#1f3a5f", "#ffffff"));
  });

  it("writes a ratio rounded down, so a failing one never reads as passing", () => {
    expect(ratioText(4.499)).toBe("4.4:1");
    expect(ratioText(21)).toBe("21.0:1");
  });
});

describe("branding colours", () => {
  it("accepts Foyer's own colours", () => {
    expect(checkBranding({ accent: "#1f3a5f", background: "#f6f7f9" })).toEqual([]);
  });

  it("refuses an accent too light for white button text and a light background, and offers a darker one of the same hue", () => {
    // Yellow on near-white: about 1.1:1.
    const [problem, ...rest] = checkBranding({ accent: "#ffd500", background: "#fafafa" });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ field: "accent", needed: AA_TEXT });
    expect(problem!.ratio).toBeLessThan(1.5);
    const suggestion = problem!.suggestion!;
    expect(accentRatio(suggestion, "#fafafa")).toBeGreaterThanOrEqual(AA_TEXT);
    expect(luminance(suggestion)).toBeLessThan(luminance("#ffd500"));
    expect(Math.abs(hue(suggestion) - hue("#ffd500"))).toBeLessThan(3);
    expect(checkBranding({ accent: suggestion, background: "#fafafa" })).toEqual([]);
  });

  it("offers a lighter accent on a dark background", () => {
    const [problem] = checkBranding({ accent: "#1f3a5f", background: "#101820" });
    expect(problem?.field).toBe("accent");
    expect(luminance(problem!.suggestion!)).toBeGreaterThan(luminance("#1f3a5f"));
    expect(checkBranding({ accent: problem!.suggestion!, background: "#101820" })).toEqual([]);
  });

  it("suggests the nearest passing lightness, not just any passing colour", () => {
    // #777777 misses on white by a hair: the next darker grey is the answer.
    const suggestion = nearestPassing("#777777", (c) => contrastRatio(c, "#ffffff") >= AA_TEXT);
    expect(suggestion).toBe("#767676");
  });

  it("refuses a mid-tone background no text colour reads well on, with a passing one of its hue", () => {
    const problems = checkBranding({ accent: "#000000", background: "#3f7f9f" });
    const bg = problems.find((p) => p.field === "background");
    expect(bg?.ratio).toBeLessThan(AA_TEXT);
    expect(checkBranding({ accent: "#000000", background: bg!.suggestion! }).map((p) => p.field)).not.toContain(
      "background",
    );
  });

  it("derives a theme whose every text pair is AA", () => {
    for (const colours of [
      { accent: "#1f3a5f", background: "#f6f7f9" },
      { accent: "#8ab4f8", background: "#12151a" },
      { accent: "#7a1f5c", background: "#fff4e0" },
    ]) {
      expect(checkBranding(colours)).toEqual([]);
      const t = brandTheme(colours);
      for (const [fg, bg] of [
        [t.text, t.bg],
        [t.text, t.surface],
        [t.muted, t.bg],
        [t.muted, t.surface],
        [t.accent, t.bg],
        [t.accent, t.surface],
        [t["accent-text"], t.accent],
      ] as const) {
        expect(contrastRatio(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(AA_TEXT);
      }
    }
  });
});
