import Papa from "papaparse";
import { type ImportFileRow, MAX_IMPORT_ROWS } from "../../../../../core/contract/imports";

/**
 * Reads an import file in the browser with Papa Parse, streaming, so a 50,000-row sheet never
 * has to fit one request or be read twice: the organizer maps the columns at once, and the file's
 * cells go to the server as JSON for the check and the import. Row numbers are as a spreadsheet
 * shows them (the header is row 1; blank rows count but are skipped), whatever line breaks a
 * quoted cell holds.
 */
export interface ParsedFile {
  header: string[];
  rows: ImportFileRow[];
}

export type ParseResult =
  | { ok: true; file: ParsedFile }
  | { ok: false; problem: "empty" | "noPeople" | "tooMany" | "malformed"; row?: number; detail?: string };

const blank = (cells: readonly string[]) => cells.every((c) => c.trim() === "");

/**
 * The header row's separator: the one it uses most outside quotes. Spreadsheets set to Dutch (and
 * other languages with a decimal comma) save with semicolons. Decided on the header alone, as
 * Papa Parse's own guess is thrown off by short files and blank last lines.
 */
export function delimiterOf(start: string): string {
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const ch of start) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

export async function parseImportFile(input: File | string): Promise<ParseResult> {
  const start = typeof input === "string" ? input.slice(0, 65_536) : await input.slice(0, 65_536).text();
  const delimiter = delimiterOf(start);
  return new Promise((resolve) => {
    let header: string[] | undefined;
    const rows: ImportFileRow[] = [];
    let row = 0;
    let failure: ParseResult | undefined;
    Papa.parse<string[]>(input as File, {
      header: false,
      skipEmptyLines: false,
      delimiter,
      step(result, parser) {
        row++;
        const error = result.errors[0];
        if (error) {
          failure = { ok: false, problem: "malformed", row, detail: error.message };
          parser.abort();
          return;
        }
        const cells = result.data;
        if (blank(cells)) return;
        if (!header) {
          // A byte order mark (spreadsheet programs write one) is not part of the first name.
          header = cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, "") : c));
          return;
        }
        if (rows.length >= MAX_IMPORT_ROWS) {
          failure = { ok: false, problem: "tooMany", detail: String(MAX_IMPORT_ROWS) };
          parser.abort();
          return;
        }
        rows.push({ row, cells });
      },
      complete() {
        if (failure) resolve(failure);
        else if (!header) resolve({ ok: false, problem: "empty" });
        else if (rows.length === 0) resolve({ ok: false, problem: "noPeople" });
        else resolve({ ok: true, file: { header, rows } });
      },
      error(err) {
        resolve({ ok: false, problem: "malformed", detail: err.message });
      },
    });
  });
}
