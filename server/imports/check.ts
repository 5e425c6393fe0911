import type { ImportCheck, ImportColumn, ImportRequest, ImportRowProblem } from "../../core/contract/imports";
import { IMPORT_PROBLEMS_LISTED } from "../../core/contract/imports";
import { columnsProblem } from "../../core/rules/import-columns";
import type { Db } from "../db/client";
import { byEmails } from "../db/registrations";
import type { EventRow } from "../db/schema";
import { sessionsOf } from "../db/sessions";
import { validationFailed } from "../errors";
import { checkRows, columnsOf, type ImportRow, planRow, recordToRaw } from "../registration/import";

/**
 * One check for the preview and for the import itself, so what the organizer saw is what runs:
 * the same mapping, the same per-row rules as every other import (registration/import.ts), and
 * the same comparison with the people already registered.
 */
export async function checkImport(
  db: Db,
  event: EventRow,
  request: ImportRequest,
): Promise<{ rows: ImportRow[]; check: ImportCheck }> {
  const mismatch = request.header.length !== request.columns.length;
  const problem = mismatch ? "needs one column choice per header cell" : columnsProblem(request.columns);
  if (problem) throw validationFailed({ columns: problem }, "The columns cannot be used.");
  const columns = columnsOf(request.columns, event.fields);
  const raw = request.rows.map((r) => recordToRaw({ line: r.row, cells: r.cells }, columns));
  const checked = checkRows(raw, {
    fields: event.fields,
    sessions: await sessionsOf(db, event.id),
    defaultLanguage: event.defaultLanguage,
  });
  const rows: ImportRow[] = [];
  const problems: ImportRowProblem[] = [];
  let problemCount = 0;
  let invalid = 0;
  for (const c of checked) {
    if (c.ok) {
      rows.push(c.row);
      continue;
    }
    invalid++;
    for (const [field, issue] of Object.entries(c.issues)) {
      problemCount++;
      if (problems.length < IMPORT_PROBLEMS_LISTED)
        problems.push({
          row: c.line,
          column: columnName(request, field),
          field,
          code: issue.code,
          ...(issue.params ? { params: issue.params } : {}),
          reason: issue.message,
        });
    }
  }
  const existing = await byEmails(
    db,
    event.id,
    rows.map((r) => r.emailNorm),
  );
  const counts = { rows: checked.length, created: 0, updated: 0, unchanged: 0, invalid };
  for (const row of rows) counts[planRow(row, existing.get(row.emailNorm), event.defaultLanguage).status]++;
  return { rows, check: { counts, problems, problemCount } };
}

/** The header of the column that holds a field, as the organizer wrote it. */
function columnName(request: ImportRequest, problemKey: string): string {
  // Attribute problems are keyed as the API names them (`attributes.ticket`).
  const field = problemKey.replace(/^attributes\./, "");
  const holds = (c: ImportColumn) => (c.kind === "attribute" ? c.key === field : c.kind === field);
  const index = request.columns.findIndex(holds);
  return index >= 0 ? (request.header[index] ?? field) : field;
}
