import { type AdminBranding, type LogoType, MAX_LOGO_BYTES, type PublicBranding } from "../core/contract/branding";
import { brandTheme } from "../core/rules/contrast";
import type { EventRow } from "./db/schema";
import { ApiError, ErrorCode, validationFailed } from "./errors";

/**
 * Where an event's logo is served. By id (the route takes an id or a slug): a renamed slug must
 * not break the logo in e-mails already sent. The version makes a new logo a new URL.
 */
export function logoPath(event: Pick<EventRow, "id" | "branding">): string | null {
  const logo = event.branding.logo;
  return logo ? `/api/events/${encodeURIComponent(event.id)}/logo?v=${logo.etag}` : null;
}

export function publicBranding(event: Pick<EventRow, "id" | "branding">): PublicBranding {
  const colours = event.branding.colours;
  return { theme: colours ? brandTheme(colours) : null, logoUrl: logoPath(event) };
}

export function adminBranding(event: Pick<EventRow, "id" | "branding">): AdminBranding {
  const { colours, logo } = event.branding;
  const url = logoPath(event);
  return {
    colours: colours ?? null,
    logo: logo && url ? { type: logo.type, bytes: logo.bytes, url } : null,
  };
}

/** What the file really is, from its first bytes; the Content-Type a client declares can say anything. */
export function sniffLogo(bytes: Uint8Array): LogoType | undefined {
  const starts = (sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  // RIFF....WEBP
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return undefined;
}

/**
 * Checks an uploaded logo: a PNG, JPEG or WebP by its bytes, declared as that same type, and no
 * larger than the limit. Refusals name the field `logo`.
 */
export function checkLogo(bytes: Uint8Array, declared: string | undefined): LogoType {
  if (bytes.byteLength === 0) throw validationFailed({ logo: "is empty" });
  if (bytes.byteLength > MAX_LOGO_BYTES) throw logoTooLarge();
  const type = sniffLogo(bytes);
  const said = (declared ?? "").split(";")[0]!.trim().toLowerCase();
  if (!type) {
    throw new ApiError(415, ErrorCode.unsupportedMediaType, "A logo must be a PNG, JPEG or WebP image (no SVG).", {
      logo: "must be a PNG, JPEG or WebP image",
    });
  }
  if (said !== type) {
    throw new ApiError(415, ErrorCode.unsupportedMediaType, `This file is ${type}, but was sent as "${said}".`, {
      logo: `is ${type}, not ${said || "what was declared"}`,
    });
  }
  return type;
}

export const logoTooLarge = () =>
  new ApiError(413, ErrorCode.payloadTooLarge, `A logo may be at most ${MAX_LOGO_BYTES / 1024} KB.`, {
    logo: `is larger than ${MAX_LOGO_BYTES / 1024} KB`,
  });

/** A short, stable hash of the bytes: the ETag and the URL's version. */
export async function logoEtag(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return [...digest.slice(0, 12)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export function toBase64(bytes: Uint8Array): string {
  let bin = "";
  // In slices: spreading 200 KB into one call would overflow the argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
