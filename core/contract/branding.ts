import type { BrandingColours, BrandTheme } from "../rules/contrast";

export type { BrandingColours, BrandTheme } from "../rules/contrast";

/** Logos are raster images only: an SVG can carry scripts. Checked by the file's first bytes. */
export const LogoTypes = ["image/png", "image/jpeg", "image/webp"] as const;
export type LogoType = (typeof LogoTypes)[number];
/** A header logo needs no more; it also keeps the row small in D1. */
export const MAX_LOGO_BYTES = 200 * 1024;

/** `GET|PUT /api/admin/events/:eventId/branding`: the event's colours and logo. */
export interface AdminBranding {
  /** Null: Foyer's own colours, following each device's light or dark scheme. */
  colours: BrandingColours | null;
  logo: { type: LogoType; bytes: number; url: string } | null;
}

/** What participants' pages get with the event: the theme to apply and the logo to show. */
export interface PublicBranding {
  theme: BrandTheme | null;
  /** Same-origin path of the logo (changes with the logo, so it can be cached). */
  logoUrl: string | null;
}
