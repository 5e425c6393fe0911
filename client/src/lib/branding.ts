import type { BrandTheme } from "../../../core/contract/branding";
import { DARK_TEXT } from "../../../core/rules/contrast";

const VARS: readonly (keyof BrandTheme)[] = [
  "bg",
  "surface",
  "text",
  "muted",
  "accent",
  "accent-text",
  "focus",
  "live",
  "warn-bg",
  "warn-text",
];

/**
 * Puts an event's colours on the page as the stylesheet's custom properties (inline on <html>,
 * so they win over both the light and the dark scheme's), or takes them off again. Through the
 * CSSOM, which the CSP allows, not a style attribute in markup, which it does not. The brand
 * has one scheme, its background's: form controls and scrollbars follow it too.
 */
export function applyTheme(theme: BrandTheme | null | undefined, root: HTMLElement = document.documentElement): void {
  for (const name of VARS) {
    if (theme) root.style.setProperty(`--${name}`, theme[name]);
    else root.style.removeProperty(`--${name}`);
  }
  if (theme) {
    const scheme = theme.text === DARK_TEXT ? "light" : "dark";
    root.style.setProperty("color-scheme", scheme);
    // For the few colours the stylesheet picks per device scheme (errors): branding.css follows this.
    root.dataset.brandScheme = scheme;
  } else {
    root.style.removeProperty("color-scheme");
    delete root.dataset.brandScheme;
  }
}
