import { BrandingColoursBody } from "../schemas/branding";
import type { OperationSpec } from "./document";

const branding = {
  type: "object",
  properties: {
    colours: {
      type: ["object", "null"],
      properties: { accent: { type: "string" }, background: { type: "string" } },
    },
    logo: {
      type: ["object", "null"],
      properties: { type: { type: "string" }, bytes: { type: "integer" }, url: { type: "string" } },
    },
  },
  required: ["colours", "logo"],
};

const B = "/api/admin/events/{eventId}/branding";

/** Branding: an event's accent, background and logo, and the public logo route. */
export const brandingOperations: OperationSpec[] = [
  {
    method: "get",
    path: "/api/events/{slug}/logo",
    summary:
      "An event's logo (by slug or id): PNG, JPEG or WebP with an ETag (If-None-Match answers 304); cacheable for good with the ?v= the pages give",
    tag: "registration",
    auth: "none",
    ok: {
      status: 200,
      description: "The image",
      contentType: "image/png",
      schema: { type: "string", format: "binary" },
    },
    errors: [404],
  },
  {
    method: "get",
    path: B,
    summary: "The event's colours and logo",
    tag: "events",
    auth: "admin",
    ok: { status: 200, description: "Branding", schema: branding },
  },
  {
    method: "put",
    path: B,
    summary:
      "Set the accent and background (both, or both null for Foyer's own). Colours below WCAG AA (4.5:1 for button text, links on the background and cards, text on the background) get a 422 naming the field, with `error.suggestions` holding the nearest passing colour of the same hue",
    tag: "events",
    auth: "admin",
    body: { schema: BrandingColoursBody },
    ok: { status: 200, description: "Saved", schema: branding },
    errors: [415, 422],
  },
  {
    method: "put",
    path: `${B}/logo`,
    summary: "Upload the logo: the raw file as the body, at most 200 KB",
    tag: "events",
    auth: "admin",
    body: {
      raw: "image/png",
      description:
        "A PNG, JPEG or WebP file (Content-Type image/png, image/jpeg or image/webp, matching the file's own bytes); SVG is refused",
    },
    ok: { status: 200, description: "Saved", schema: branding },
    errors: [413, 415, 422],
  },
  {
    method: "delete",
    path: `${B}/logo`,
    summary: "Remove the logo",
    tag: "events",
    auth: "admin",
    ok: { status: 200, description: "Removed", schema: branding },
  },
];
