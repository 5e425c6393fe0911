/**
 * An event's colours and the contrast they must keep (WCAG 2.2 AA: 4.5:1 for text). Pure: the
 * server refuses colours with it, the console shows the same ratios and suggestions while the
 * organizer picks, and the pages derive their theme from it, so all three always agree.
 *
 * A branded event has one scheme, the background's: a light background gets dark text, a dark one
 * light text, whatever the device prefers (the brand is the brand; both are AA). The accent is
 * used as the buttons' background behind their text and as the link colour on the background and
 * on cards, so it must clear 4.5:1 against all three.
 */

export const AA_TEXT = 4.5;
/** The text colours a theme chooses between: whichever reads better on the colour behind. */
export const DARK_TEXT = "#111418";
export const LIGHT_TEXT = "#ffffff";

const HEX = /^#[0-9a-f]{6}$/i;
export const isHexColour = (value: string): boolean => HEX.test(value);

type Rgb = [number, number, number];

function rgbOf(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const hexOf = (rgb: Rgb): string =>
  `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;

/** WCAG relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const [r, g, b] = rgbOf(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The ratio as people read it: rounded down to one decimal, so 4.49 never shows as a passing 4.5. */
export const ratioText = (ratio: number): string => `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;

/** `weight` of `b` mixed into `a`, per channel (as CSS color-mix in sRGB). */
export function mix(a: string, b: string, weight: number): string {
  const [x, y] = [rgbOf(a), rgbOf(b)];
  return hexOf(x.map((c, i) => c + (y[i]! - c) * weight) as Rgb);
}

/** The text colour that reads better on `background`. */
export const textOn = (background: string): string =>
  contrastRatio(DARK_TEXT, background) >= contrastRatio(LIGHT_TEXT, background) ? DARK_TEXT : LIGHT_TEXT;

export interface BrandingColours {
  /** Buttons' background and link colour. */
  accent: string;
  /** The page's background. */
  background: string;
}

/** The CSS custom properties a branded page sets (names as in the stylesheets, without `--`). */
export interface BrandTheme {
  bg: string;
  surface: string;
  text: string;
  muted: string;
  accent: string;
  "accent-text": string;
  focus: string;
  /** "Live" marks and notices: Foyer's own for the background's scheme, or the text colour where those would not read. */
  live: string;
  "warn-bg": string;
  "warn-text": string;
}

/** Foyer's own colours for what branding does not set, per scheme (as in the stylesheet). */
const SCHEME = {
  light: { live: "#0b6b3a", "warn-bg": "#fff4d6", "warn-text": "#5c4200" },
  dark: { live: "#6fdc9a", "warn-bg": "#3d3000", "warn-text": "#ffe49a" },
} as const;

/** Cards sit a little lighter than the background: much lighter on a light one, a touch on a dark one. */
const surfaceOf = (background: string): string =>
  mix(background, "#ffffff", textOn(background) === DARK_TEXT ? 0.7 : 0.06);

/** Secondary text: as far toward the background as it can go while still AA on background and cards. */
function mutedOf(text: string, background: string, surface: string): string {
  for (const weight of [0.35, 0.25, 0.15, 0.05]) {
    const muted = mix(text, background, weight);
    if (Math.min(contrastRatio(muted, background), contrastRatio(muted, surface)) >= AA_TEXT) return muted;
  }
  return text;
}

export function brandTheme(colours: BrandingColours): BrandTheme {
  const bg = colours.background.toLowerCase();
  const accent = colours.accent.toLowerCase();
  const surface = surfaceOf(bg);
  const text = textOn(bg);
  const own = SCHEME[text === DARK_TEXT ? "light" : "dark"];
  const reads = (fg: string) => Math.min(contrastRatio(fg, bg), contrastRatio(fg, surface)) >= AA_TEXT;
  return {
    bg,
    surface,
    text,
    muted: mutedOf(text, bg, surface),
    accent,
    "accent-text": textOn(accent),
    // The focus ring is the accent: it already clears 4.5:1 (3:1 is needed) on everything behind it.
    focus: accent,
    live: reads(own.live) ? own.live : text,
    "warn-bg": own["warn-bg"],
    "warn-text": own["warn-text"],
  };
}

/** How well the background carries text: the lower of text on the background and on cards. */
export function backgroundRatio(background: string): number {
  const text = textOn(background);
  return Math.min(contrastRatio(text, background), contrastRatio(text, surfaceOf(background)));
}

/** How well the accent works: behind button text, and as link colour on the background and on cards. */
export function accentRatio(accent: string, background: string): number {
  return Math.min(
    contrastRatio(accent, textOn(accent)),
    contrastRatio(accent, background),
    contrastRatio(accent, surfaceOf(background)),
  );
}

// ── The nearest passing colour, keeping the hue ─────────────────────────────────────────────

type Hsl = [number, number, number];

function hslOf(hex: string): Hsl {
  const [r, g, b] = rgbOf(hex).map((c) => c / 255) as Rgb;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h * 60, s, l];
}

function hexOfHsl([h, s, l]: Hsl): string {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] =
    h < 60
      ? [c, x, 0]
      : h < 120
        ? [x, c, 0]
        : h < 180
          ? [0, c, x]
          : h < 240
            ? [0, x, c]
            : h < 300
              ? [x, 0, c]
              : [c, 0, x];
  return hexOf([(r + m) * 255, (g + m) * 255, (b + m) * 255]);
}

/**
 * The colour with the same hue and saturation, darker or lighter, whose lightness is nearest to
 * `hex`'s and which `passes`; null when no lightness does.
 */
export function nearestPassing(hex: string, passes: (candidate: string) => boolean): string | null {
  const [h, s, l] = hslOf(hex);
  for (let step = 1; step <= 200; step++) {
    for (const lightness of [l - step / 200, l + step / 200]) {
      if (lightness < 0 || lightness > 1) continue;
      const candidate = hexOfHsl([h, s, lightness]);
      if (passes(candidate)) return candidate;
    }
  }
  return null;
}

export type BrandingField = keyof BrandingColours;

export interface ContrastProblem {
  field: BrandingField;
  ratio: number;
  needed: number;
  /** The nearest colour (same hue) that passes, with the other colour as suggested when it fails too. */
  suggestion: string | null;
}

/** What fails AA in these colours, each with the nearest passing colour; empty when all is well. */
export function checkBranding(colours: BrandingColours): ContrastProblem[] {
  const problems: ContrastProblem[] = [];
  let background = colours.background.toLowerCase();
  const bgRatio = backgroundRatio(background);
  if (bgRatio < AA_TEXT) {
    const suggestion = nearestPassing(background, (c) => backgroundRatio(c) >= AA_TEXT);
    problems.push({ field: "background", ratio: bgRatio, needed: AA_TEXT, suggestion });
    // The accent's advice holds for the background the organizer will most likely take.
    if (suggestion) background = suggestion;
  }
  const accent = colours.accent.toLowerCase();
  const ratio = accentRatio(accent, colours.background.toLowerCase());
  if (ratio < AA_TEXT) {
    const suggestion = nearestPassing(accent, (c) => accentRatio(c, background) >= AA_TEXT);
    problems.push({ field: "accent", ratio, needed: AA_TEXT, suggestion });
  }
  return problems;
}
