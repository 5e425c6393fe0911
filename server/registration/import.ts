import type { AttributeValue, RegistrationField } from "../../core/contract/index";
import type { RegistrationRow } from "../db/schema";
import { Languages, Roles, type Language, type Role } from "../../core/protocol/identity";
import type { ImportColumn, ImportIssue } from "../../core/contract/imports";
import { columnsProblem, normaliseHeader, suggestColumn, unneutralise } from "../../core/rules/import-columns";
import type { CsvRecord } from "../csv";
import { attributeIssues, CONSENT_VALUES, emailIssue, nameIssue, normaliseEmail } from "./answers";

/**
 * Organizer imports (CSV or a JSON batch) turned into checked rows, one report line each. Pure:
 * the route parses, this maps and checks, the database layer applies all rows or none.
 */

export interface ImportRow {
  line: number;
  email: string;
  emailNorm: string;
  name: string;
  language: Language | undefined;
  role: Role | undefined;
  /** Only the attributes the import speaks about; a present key with value undefined clears it. */
  attributes: Record<string, AttributeValue | undefined>;
  selections: string[] | undefined;
}

export type CheckedRow =
  | { ok: true; row: ImportRow }
  /** `errors` in English (the API's words); `issues` the same problems with their codes. */
  | {
      ok: false;
      line: number;
      email: string | null;
      errors: Record<string, string>;
      issues: Record<string, ImportIssue>;
    };

export interface ImportContext {
  fields: readonly RegistrationField[];
  sessions: readonly { id: string; title: string }[];
  defaultLanguage: Language;
}

export type Column =
  | { kind: "email" | "name" | "language" | "role" | "selections" }
  | { kind: "attribute"; key: string; field: RegistrationField | undefined }
  | { kind: "ignored" };

export { normaliseHeader };

/** The columns the console's mapping names, with each attribute's form field looked up. */
export function columnsOf(chosen: readonly ImportColumn[], fields: readonly RegistrationField[]): Column[] {
  return chosen.map((c) => (c.kind === "attribute" ? { ...c, field: fields.find((f) => f.key === c.key) } : c));
}

/** Maps the header row; a header that cannot be mapped is an error for the whole file. */
export function mapHeader(
  header: readonly string[],
  fields: readonly RegistrationField[],
): { columns: Column[] } | { error: string } {
  const chosen: ImportColumn[] = [];
  for (const [index, raw] of header.entries()) {
    const column = suggestColumn(raw, fields);
    if (!column)
      return {
        error: `column ${index + 1} ("${raw.slice(0, 40)}") needs a name of letters and digits that starts with a letter`,
      };
    chosen.push(column);
  }
  const problem = columnsProblem(chosen);
  return problem ? { error: problem } : { columns: columnsOf(chosen, fields) };
}

const YES = new Set(["yes", "y", "true", "1", "ja", "j"]);
const NO = new Set(["no", "n", "false", "0", "nee"]);
const splitList = (cell: string) =>
  cell
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);

/** A CSV record as the same raw shape a JSON batch row has. */
export function recordToRaw(record: CsvRecord, columns: readonly Column[]): RawRow {
  const raw: RawRow = { line: record.line, email: "", name: "", attributes: {} };
  for (const [index, column] of columns.entries()) {
    const cell = unneutralise((record.cells[index] ?? "").trim());
    switch (column.kind) {
      case "email":
      case "name":
        raw[column.kind] = cell;
        break;
      case "language":
      case "role":
        if (cell !== "") raw[column.kind] = cell.toLowerCase();
        break;
      case "selections":
        raw.selections = splitList(cell);
        break;
      case "attribute": {
        const f = column.field;
        // An empty cell is "no answer": the attribute is cleared, never set to an empty value.
        if (cell === "") raw.attributes[column.key] = undefined;
        else if (f?.kind === "consent") {
          const lower = cell.toLowerCase();
          raw.attributes[column.key] = YES.has(lower)
            ? CONSENT_VALUES.given
            : NO.has(lower)
              ? CONSENT_VALUES.refused
              : cell;
        } else if (f?.kind === "multi-choice" || (!f && cell.includes(";")))
          raw.attributes[column.key] = splitList(cell);
        else raw.attributes[column.key] = cell;
        break;
      }
      case "ignored":
        break;
      default:
        column satisfies never;
    }
  }
  return raw;
}

export interface RawRow {
  line: number;
  email: string;
  name: string;
  language?: string;
  role?: string;
  attributes: Record<string, AttributeValue | undefined>;
  selections?: string[];
}

const oneOf = (allowed: readonly string[]): ImportIssue => ({
  code: "not_one_of",
  message: `must be one of ${allowed.join(", ")}`,
  params: { options: allowed.join(", ") },
});

/** Checks every row; a later row with an e-mail seen before is an error naming the earlier line. */
export function checkRows(rows: readonly RawRow[], ctx: ImportContext): CheckedRow[] {
  const firstLine = new Map<string, number>();
  return rows.map((raw) => {
    const issues: Record<string, ImportIssue> = {};
    const emailBad = emailIssue(raw.email);
    if (emailBad) issues.email = emailBad;
    const nameBad = nameIssue(raw.name);
    if (nameBad) issues.name = nameBad;
    const emailNorm = normaliseEmail(raw.email);
    if (!emailBad) {
      const earlier = firstLine.get(emailNorm);
      if (earlier !== undefined)
        issues.email = { code: "duplicate_email", message: `is also on line ${earlier}`, params: { line: earlier } };
      else firstLine.set(emailNorm, raw.line);
    }
    if (raw.language !== undefined && !Languages.includes(raw.language as Language)) issues.language = oneOf(Languages);
    if (raw.role !== undefined && !Roles.includes(raw.role as Role)) issues.role = oneOf(Roles);
    const present = Object.fromEntries(
      Object.entries(raw.attributes).filter((e): e is [string, AttributeValue] => e[1] !== undefined),
    );
    Object.assign(issues, attributeIssues(ctx.fields, present));
    let selections: string[] | undefined;
    if (raw.selections) {
      selections = [];
      for (const ref of raw.selections) {
        const session =
          ctx.sessions.find((s) => s.id === ref) ??
          ctx.sessions.find((s) => s.title.toLowerCase() === ref.toLowerCase());
        if (!session) {
          const named = ref.slice(0, 80);
          issues.selections = {
            code: "unknown_session",
            message: `no session "${named}" in this event`,
            params: { session: named },
          };
          break;
        }
        if (!selections.includes(session.id)) selections.push(session.id);
      }
    }
    if (Object.keys(issues).length > 0) {
      const errors = Object.fromEntries(Object.entries(issues).map(([k, i]) => [k, i.message]));
      return { ok: false, line: raw.line, email: raw.email.trim() || null, errors, issues };
    }
    return {
      ok: true,
      row: {
        line: raw.line,
        email: raw.email.trim(),
        emailNorm,
        name: raw.name.trim(),
        language: raw.language as Language | undefined,
        role: raw.role as Role | undefined,
        attributes: raw.attributes,
        selections,
      },
    };
  });
}

export type RowPlan =
  | { status: "created"; values: NewRegistrationValues }
  | { status: "updated"; id: string; values: UpdatedRegistrationValues }
  | { status: "unchanged"; id: string };

export interface NewRegistrationValues {
  email: string;
  emailNorm: string;
  name: string;
  language: Language;
  role: Role;
  attributes: Record<string, AttributeValue>;
  selections: string[];
}
export type UpdatedRegistrationValues = Omit<NewRegistrationValues, "emailNorm">;

/** What applying a checked row to the existing registration (if any) would change. */
export function planRow(row: ImportRow, existing: RegistrationRow | undefined, defaultLanguage: Language): RowPlan {
  const attributes: Record<string, AttributeValue> = { ...(existing?.attributes ?? {}) };
  for (const [key, value] of Object.entries(row.attributes)) {
    if (value === undefined) delete attributes[key];
    else attributes[key] = value;
  }
  const values: UpdatedRegistrationValues = {
    email: row.email,
    name: row.name,
    language: row.language ?? existing?.language ?? defaultLanguage,
    role: row.role ?? existing?.role ?? "participant",
    attributes,
    selections: row.selections ?? existing?.selections ?? [],
  };
  if (!existing) return { status: "created", values: { ...values, emailNorm: row.emailNorm } };
  const same =
    existing.email === values.email &&
    existing.name === values.name &&
    existing.language === values.language &&
    existing.role === values.role &&
    sameJson(existing.attributes, values.attributes) &&
    sameJson(existing.selections, values.selections);
  return same ? { status: "unchanged", id: existing.id } : { status: "updated", id: existing.id, values };
}

/** Order-insensitive for object keys, order-sensitive for arrays. */
function sameJson(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canon)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([x], [y]) => (x < y ? -1 : 1))
              .map(([k, x]) => [k, canon(x)]),
          )
        : v;
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}
