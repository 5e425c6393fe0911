import type { RegistrationField } from "../contract/index";
import type { ImportColumn } from "../contract/imports";
import { allTexts } from "../protocol/localized";

/**
 * Which column of an import file holds what, decided the same way in the console (its suggested
 * mapping) and on the server (a plain CSV import): a form field by key or by its label in any of
 * the event's languages, the built-in columns by their usual names, an export's own bookkeeping
 * columns ignored, anything else kept as an extra attribute.
 */

/** Characters that make spreadsheet programs read a cell as a formula (CSV injection). */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text the export writes with one more leading apostrophe: formula-like text, and text that is
 * already apostrophes before a formula character (a name written `'=x` on purpose). Then taking
 * one apostrophe off such text on import gives back exactly what was exported, whatever it was.
 */
export const ESCAPED_ON_EXPORT = /^'*[=+\-@\t\r]/;

/** Undoes the export's apostrophe before formula-like text, so an exported file imports back unchanged. */
export function unneutralise(value: string): string {
  return value.startsWith("'") && ESCAPED_ON_EXPORT.test(value.slice(1)) ? value.slice(1) : value;
}

/** Columns an export writes that an import must not treat as attributes. */
const IGNORED = new Set([
  "id",
  "link_version",
  "link_status",
  "invitation_state",
  "invitation_error",
  "created_at",
  "updated_at",
]);
const ALIASES: Record<string, "email" | "name" | "language" | "role" | "selections"> = {
  email: "email",
  e_mail: "email",
  email_address: "email",
  name: "name",
  full_name: "name",
  language: "language",
  lang: "language",
  role: "role",
  selections: "selections",
  sessions: "selections",
};

export const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]{0,39}$/;

export const normaliseHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");

/** What a header names; undefined when it cannot be a column name at all. */
export function suggestColumn(raw: string, fields: readonly RegistrationField[]): ImportColumn | undefined {
  const norm = normaliseHeader(unneutralise(raw));
  const wanted = raw.trim().toLowerCase();
  const field =
    fields.find((f) => f.key === norm) ??
    fields.find((f) => allTexts(f.label).some((label) => label.trim().toLowerCase() === wanted));
  if (field) return { kind: "attribute", key: field.key };
  const alias = ALIASES[norm];
  if (alias) return { kind: alias };
  if (IGNORED.has(norm)) return { kind: "ignored" };
  if (ATTRIBUTE_KEY.test(norm)) return { kind: "attribute", key: norm };
  return undefined;
}

const columnId = (c: ImportColumn) => (c.kind === "attribute" ? `attribute:${c.key}` : c.kind);

/** A mapping the import can use: every column at most once, e-mail and name present. */
export function columnsProblem(columns: readonly ImportColumn[]): string | undefined {
  const seen = new Map<string, number>();
  for (const [index, column] of columns.entries()) {
    if (column.kind === "ignored") continue;
    if (column.kind === "attribute" && !ATTRIBUTE_KEY.test(column.key))
      return `column ${index + 1} needs a name of letters and digits that starts with a letter`;
    const id = columnId(column);
    const earlier = seen.get(id);
    if (earlier !== undefined)
      return `columns ${earlier + 1} and ${index + 1} both set ${id.replace("attribute:", "")}`;
    seen.set(id, index);
  }
  if (!seen.has("email")) return "the header row needs an email column";
  if (!seen.has("name")) return "the header row needs a name column";
  return undefined;
}
