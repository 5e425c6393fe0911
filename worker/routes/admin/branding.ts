import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import type { AdminBranding } from "../../../core/contract/branding";
import { checkBranding, contrastRatio, ratioText, textOn } from "../../../core/rules/contrast";
import { auditEntry } from "../../../server/db/audit";
import { runBatch } from "../../../server/db/batch";
import { deleteLogo, saveBranding, saveLogo } from "../../../server/db/branding";
import { database } from "../../../server/db/client";
import { requireEvent } from "../../../server/db/events";
import type { StoredBranding } from "../../../server/db/schema";
import { adminBranding, checkLogo, logoEtag, toBase64 } from "../../../server/branding";
import { ApiError, ErrorCode, type ErrorBody } from "../../../server/errors";
import { jsonBody } from "../../lib/validation";
import { BrandingColoursBody } from "../../schemas/branding";

/** The logo upload's path: app.ts lets its body past the 64 KiB default, up to the logo limit. */
export const LOGO_UPLOAD_PATH = /^\/api\/admin\/events\/[^/]+\/branding\/logo$/;

/** A 422 for colours below AA that also says, per field, the nearest colour that passes. */
class ContrastError extends ApiError {
  readonly suggestions: Record<string, string>;
  constructor(fields: Record<string, string>, suggestions: Record<string, string>) {
    super(422, ErrorCode.validation, "These colours do not keep text readable (WCAG AA needs 4.5:1).", fields);
    this.suggestions = suggestions;
  }
  override toBody(): ErrorBody & { error: { suggestions: Record<string, string> } } {
    const body = super.toBody();
    return { error: { ...body.error, suggestions: this.suggestions } };
  }
}

const where = { accent: "behind button text or as link colour on the background", background: "behind text" } as const;

/**
 * `/api/admin/events/:eventId/branding` — the event's accent, background and logo, which the
 * portal, the registration page, output pages and e-mails take on. Colours that fail AA are
 * refused with the nearest passing colour of the same hue.
 */
export const adminBrandingRoutes = new Hono<AppEnv>()
  .get("/:eventId/branding", async (c) => {
    const event = await requireEvent(database(c.env.DB), c.req.param("eventId"));
    return c.json(adminBranding(event) satisfies AdminBranding);
  })
  .put("/:eventId/branding", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const body = await jsonBody(c, BrandingColoursBody);
    const colours = body.accent && body.background ? { accent: body.accent, background: body.background } : undefined;
    if (colours) {
      const problems = checkBranding(colours);
      if (problems.length > 0) {
        const fields: Record<string, string> = {};
        const suggestions: Record<string, string> = {};
        for (const p of problems) {
          fields[p.field] =
            `has a contrast of ${ratioText(p.ratio)} ${where[p.field]}, below 4.5:1` +
            (p.suggestion ? `; ${p.suggestion} is the nearest colour that passes` : "");
          if (p.suggestion) suggestions[p.field] = p.suggestion;
        }
        throw new ContrastError(fields, suggestions);
      }
    }
    const { colours: _old, ...rest } = event.branding;
    const branding: StoredBranding = colours ? { ...rest, colours } : rest;
    const now = Date.now();
    await runBatch(db, [
      saveBranding(db, event.id, branding, now),
      auditEntry(
        db,
        c.get("actor"),
        "branding.update",
        {
          eventId: event.id,
          target: `event:${event.id}`,
          details: colours
            ? { ...colours, buttonContrast: ratioText(contrastRatio(colours.accent, textOn(colours.accent))) }
            : { reset: true },
        },
        now,
      ),
    ]);
    return c.json(adminBranding({ ...event, branding }) satisfies AdminBranding);
  })
  .put("/:eventId/branding/logo", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const type = checkLogo(bytes, c.req.header("Content-Type"));
    const etag = await logoEtag(bytes);
    const branding: StoredBranding = { ...event.branding, logo: { type, bytes: bytes.byteLength, etag } };
    const now = Date.now();
    await runBatch(db, [
      saveLogo(db, { eventId: event.id, type, data: toBase64(bytes), etag, updatedAt: now }),
      saveBranding(db, event.id, branding, now),
      auditEntry(
        db,
        c.get("actor"),
        "branding.logo.set",
        { eventId: event.id, target: `event:${event.id}`, details: { type, bytes: bytes.byteLength } },
        now,
      ),
    ]);
    return c.json(adminBranding({ ...event, branding }) satisfies AdminBranding);
  })
  .delete("/:eventId/branding/logo", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const { logo: _old, ...branding } = event.branding;
    const now = Date.now();
    await runBatch(db, [
      deleteLogo(db, event.id),
      saveBranding(db, event.id, branding, now),
      auditEntry(db, c.get("actor"), "branding.logo.remove", { eventId: event.id, target: `event:${event.id}` }, now),
    ]);
    return c.json(adminBranding({ ...event, branding }) satisfies AdminBranding);
  });
