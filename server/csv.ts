/**
 * RFC 4180 CSV, small and strict. Written here rather than taken from a library because the import
 * report needs the physical line each record starts on, an unterminated quote must be an error
 * (lenient parsers silently swallow the rest of the file into one cell), and every size is bounded
 * before it can hurt the worker.
 */

import { ESCAPED_ON_EXPORT, unneutralise } from "../core/rules/import-columns";

export interface CsvRecord {
  /** 1-based line on which the record starts (quoted cells may span lines). */
  line: number;
  cells: string[];
}

export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

export interface CsvLimits {
  maxRecords: number;
  maxCells: number;
  maxCellLength: number;
}

export const DEFAULT_CSV_LIMITS: CsvLimits = { maxRecords: 5001, maxCells: 100, maxCellLength: 2000 };

/**
 * Parses comma-separated text. Accepts a UTF-8 byte order mark, CRLF, LF or CR line ends, quoted
 * cells with doubled quotes and embedded line breaks. Blank lines are skipped.
 */
export function parseCsv(input: string, limits: CsvLimits = DEFAULT_CSV_LIMITS): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  /** Whether the current cell started with a quote (and so has already been closed). */
  let wasQuoted = false;

  const endCell = (): string | undefined => {
    if (cell.length > limits.maxCellLength) return `a cell is longer than ${limits.maxCellLength} characters`;
    cells.push(cell);
    if (cells.length > limits.maxCells) return `a row has more than ${limits.maxCells} cells`;
    cell = "";
    wasQuoted = false;
    return undefined;
  };
  const endRecord = (): string | undefined => {
    const problem = endCell();
    if (problem) return problem;
    // A line with nothing on it is not a record.
    if (!(cells.length === 1 && cells[0] === "")) records.push({ line: recordLine, cells });
    if (records.length > limits.maxRecords) return `the file has more than ${limits.maxRecords} lines`;
    cells = [];
    return undefined;
  };

  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        wasQuoted = true;
        i++;
        continue;
      }
      if (ch === "\r" || ch === "\n") {
        // Keep the line break inside the cell as written, but count lines once per CRLF.
        if (ch === "\r" && text[i + 1] === "\n") {
          cell += "\r\n";
          i += 2;
        } else {
          cell += ch;
          i++;
        }
        line++;
        continue;
      }
      cell += ch;
      i++;
      if (cell.length > limits.maxCellLength)
        return { ok: false, line: recordLine, message: `a cell is longer than ${limits.maxCellLength} characters` };
      continue;
    }
    if (ch === '"') {
      if (cell !== "" || wasQuoted)
        return {
          ok: false,
          line,
          message: "a quote appears inside an unquoted cell; quote the whole cell and double inner quotes",
        };
      quoted = true;
      i++;
      continue;
    }
    if (ch === ",") {
      const problem = endCell();
      if (problem) return { ok: false, line: recordLine, message: problem };
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      const problem = endRecord();
      if (problem) return { ok: false, line: recordLine, message: problem };
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (wasQuoted)
      return { ok: false, line, message: "text follows a closing quote; quote the whole cell and double inner quotes" };
    cell += ch;
    i++;
    if (cell.length > limits.maxCellLength)
      return { ok: false, line: recordLine, message: `a cell is longer than ${limits.maxCellLength} characters` };
  }
  if (quoted) return { ok: false, line: recordLine, message: "a quoted cell is never closed" };
  if (cell !== "" || wasQuoted || cells.length > 0) {
    const problem = endRecord();
    if (problem) return { ok: false, line: recordLine, message: problem };
  }
  return { ok: true, records };
}

/** `csvCell`'s apostrophe undone on import (core/rules, so the console maps headers the same way). */
export { unneutralise };

/**
 * A cell for export: formula-like text gets a leading apostrophe so a spreadsheet shows it as
 * text instead of running it (OWASP's advice), then the cell is quoted when it needs to be.
 */
export function csvCell(value: string): string {
  const safe = ESCAPED_ON_EXPORT.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole file: a byte order mark so spreadsheet programs read UTF-8, CRLF line ends. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
