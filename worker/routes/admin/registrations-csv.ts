import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import type { AttributeValue } from "../../../core/contract/index";
import { database } from "../../../server/db/client";
import { requireEvent } from "../../../server/db/events";
import { registrationsOfEvent } from "../../../server/db/registrations";
import { sessionsOf } from "../../../server/db/sessions";
import { latestInvitations } from "../../../server/db/invitations";
import { parseCsv, toCsv } from "../../../server/csv";
import { ApiError, ErrorCode, validationFailed } from "../../../server/errors";
import { wakeScheduler } from "../../../server/invitations/scheduler";
import { applyRows } from "../../../server/registration/apply";
import { checkRows, mapHeader, recordToRaw } from "../../../server/registration/import";
import { queryWith } from "../../lib/validation";
import { ImportQuery, isTrue } from "../../schemas/registrations";

/** A CSV file sent to the import route in one request. */
const CSV_FILE_BYTES = 2 * 1024 * 1024;
/**
 * Imports may be larger than other API bodies (app.ts lets these paths through up to this): the
 * CSV route checks its own smaller limit, the console's imports (`…/imports`, `…/imports/check`)
 * carry up to 60,000 parsed rows as JSON.
 */
export const MAX_CSV_BYTES = 16 * 1024 * 1024;
export const CSV_IMPORT_PATH = /^\/api\/admin\/events\/[^/]+\/(registrations\/import|imports|imports\/check)$/;

const cellOf = (value: AttributeValue | undefined) =>
  value === undefined ? "" : Array.isArray(value) ? value.join(";") : value;

/**
 * `POST …/registrations/import` (text/csv) and `GET …/registrations/export` (text/csv). The import
 * answers with a report per row; by default it writes all rows or none (`?partial=true` writes the
 * good ones, `?dryRun=true` writes nothing). The export neutralises formula-like cells.
 */
export const adminRegistrationsCsv = new Hono<AppEnv>()
  .post("/:eventId/registrations/import", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const query = queryWith(c, ImportQuery);
    const type = c.req.header("Content-Type") ?? "";
    if (!/^text\/(csv|plain)\b/i.test(type)) {
      throw new ApiError(415, ErrorCode.unsupportedMediaType, "Send the file as text/csv (UTF-8), with a header row.");
    }
    const bytes = await c.req.arrayBuffer();
    if (bytes.byteLength > CSV_FILE_BYTES)
      throw new ApiError(
        413,
        ErrorCode.payloadTooLarge,
        `CSV files are limited to ${CSV_FILE_BYTES / 1024 / 1024} MiB.`,
      );
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw validationFailed({ file: "is not UTF-8 text; save the sheet as CSV UTF-8" });
    }
    const parsed = parseCsv(text);
    if (!parsed.ok)
      throw validationFailed({ file: `line ${parsed.line}: ${parsed.message}` }, "The file is not valid CSV.");
    const [header, ...records] = parsed.records;
    if (!header) throw validationFailed({ file: "is empty; it needs a header row and one row per person" });
    const mapped = mapHeader(header.cells, event.fields);
    if ("error" in mapped) throw validationFailed({ header: mapped.error }, "The header row cannot be used.");
    const rows = records
      .filter((r) => r.cells.some((cell) => cell.trim() !== ""))
      .map((r) => recordToRaw(r, mapped.columns));
    if (rows.length === 0) throw validationFailed({ file: "has a header row but no people" });
    const checked = checkRows(rows, {
      fields: event.fields,
      sessions: await sessionsOf(db, event.id),
      defaultLanguage: event.defaultLanguage,
    });
    const report = await applyRows(
      db,
      event,
      checked,
      { partial: isTrue(query.partial), dryRun: isTrue(query.dryRun), source: "csv" },
      c.get("actor"),
    );
    if (report.applied && report.counts.created > 0) await wakeScheduler(c.env);
    return c.json(report, report.applied || isTrue(query.dryRun) ? 200 : 422);
  })
  .get("/:eventId/registrations/export", async (c) => {
    const db = database(c.env.DB);
    const event = await requireEvent(db, c.req.param("eventId"));
    const rows = await registrationsOfEvent(db, event.id);
    const latest = await latestInvitations(
      db,
      rows.map((r) => r.id),
    );
    const fieldKeys = event.fields.map((f) => f.key);
    const otherKeys = [...new Set(rows.flatMap((r) => Object.keys(r.attributes)))]
      .filter((k) => !fieldKeys.includes(k))
      .sort();
    const keys = [...fieldKeys, ...otherKeys];
    const header = [
      "id",
      "email",
      "name",
      "language",
      "role",
      ...keys,
      "selections",
      "link_version",
      "link_status",
      "invitation_state",
      "invitation_error",
      "created_at",
      "updated_at",
    ];
    const body = rows.map((r) => {
      const inv = latest.get(r.id);
      return [
        r.id,
        r.email,
        r.name,
        r.language,
        r.role,
        ...keys.map((k) => cellOf(r.attributes[k])),
        r.selections.join(";"),
        String(r.linkVersion),
        r.linkRevokedAt === null ? "active" : "revoked",
        inv?.state ?? "none",
        inv?.state === "failed" ? (inv.lastError ?? "") : "",
        new Date(r.createdAt).toISOString(),
        new Date(r.updatedAt).toISOString(),
      ];
    });
    return new Response(toCsv([header, ...body]), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${event.slug}-registrations.csv"`,
        "Cache-Control": "no-store",
      },
    });
  });
