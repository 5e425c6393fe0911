/**
 * Large registration imports and invitation batches, as the organizer API speaks them. The
 * console parses the CSV file itself and sends its cells with the column mapping the organizer
 * confirmed; the server checks every row by the same rules for the preview and the import.
 */

/** What one column of the file holds. */
export type ImportColumn =
  | { kind: "email" | "name" | "language" | "role" | "selections" }
  /** A form field (by key) or an extra attribute kept on the registration. */
  | { kind: "attribute"; key: string }
  | { kind: "ignored" };

export interface ImportFileRow {
  /** The row's number as a spreadsheet shows it (the header is row 1). */
  row: number;
  cells: string[];
}

/** `POST …/imports/check` (nothing is written) and `POST …/imports` (starts the job). */
export interface ImportRequest {
  /** The header row as written in the file, for naming columns in errors. */
  header: string[];
  columns: ImportColumn[];
  rows: ImportFileRow[];
}

/**
 * Why a row was refused, as a code the console says in its own language; `reason` keeps the
 * English sentence for API users. A stable list: add codes, never rename them.
 */
export const ImportProblemCodes = [
  "required",
  "too_long",
  "invalid_email",
  "control_characters",
  "duplicate_email",
  "not_one_of",
  "invalid_key",
  "single_value",
  "unknown_session",
] as const;
export type ImportProblemCode = (typeof ImportProblemCodes)[number];

/** A row problem's code with what its sentence needs (`max`, `line`, `options`, `session`). */
export interface ImportIssue {
  code: ImportProblemCode;
  message: string;
  params?: Record<string, string | number>;
}

export interface ImportRowProblem {
  row: number;
  /** The column's header in the file, or the field when no column holds it. */
  column: string;
  /** The field as the API names it: `email`, `name`, `language`, `role`, `selections`, `attributes.<key>`. */
  field: string;
  code: ImportProblemCode;
  params?: Record<string, string | number>;
  /** The problem in English, for API users. */
  reason: string;
}

export interface ImportCheck {
  counts: { rows: number; created: number; updated: number; unchanged: number; invalid: number };
  /** The first problems, in file order (at most `IMPORT_PROBLEMS_LISTED`). */
  problems: ImportRowProblem[];
  /** Every problem, also those not listed. */
  problemCount: number;
}

export const IMPORT_PROBLEMS_LISTED = 500;
/** Rows one import may hold. */
export const MAX_IMPORT_ROWS = 60_000;

export type ImportJobState = "running" | "done";

export interface ImportJobView {
  id: string;
  state: ImportJobState;
  /** Rows in the file. */
  total: number;
  /** Rows written so far (created, updated or found unchanged). */
  done: number;
  /** Rows refused (invalid); they are never written. */
  failed: number;
  created: number;
  updated: number;
  unchanged: number;
  createdAt: string;
  finishedAt: string | null;
}

/** `POST …/invitation-batches`: everyone the Registrations list shows with this filter. */
export interface InvitationBatchRequest {
  q?: string;
  role?: string;
  invitation?: string;
}

export interface InvitationBatchView {
  id: string;
  /** People the filter matched when it was sent. */
  matched: number;
  /** Invitations this batch queued or moved to now. */
  total: number;
  /** Still waiting or being sent. */
  queued: number;
  sent: number;
  failed: number;
  /** Matched but not sent again (already sent, in flight, or link revoked). */
  skipped: number;
  filter: InvitationBatchRequest;
  createdAt: string;
}
