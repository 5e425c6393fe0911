import * as v from "valibot";
import { MAX_IMPORT_ROWS } from "../../core/contract/imports";
import { InvitationFilter } from "./registrations";
import { Role } from "./common";

const Cell = v.pipe(v.string(), v.maxLength(2000, "a cell is longer than 2000 characters"));
const Key = v.pipe(v.string(), v.maxLength(40));

export const ImportColumnSchema = v.variant("kind", [
  v.object({ kind: v.picklist(["email", "name", "language", "role", "selections", "ignored"]) }),
  v.object({ kind: v.literal("attribute"), key: Key }),
]);

/** The file as the console parsed it: rows are checked one by one into the preview, so only their shape is enforced here. */
export const ImportBody = v.strictObject({
  header: v.pipe(v.array(Cell), v.minLength(1, "needs a header row"), v.maxLength(100, "at most 100 columns")),
  columns: v.pipe(v.array(ImportColumnSchema), v.maxLength(100, "at most 100 columns")),
  rows: v.pipe(
    v.array(
      v.object({
        row: v.pipe(v.number(), v.integer(), v.minValue(1)),
        cells: v.pipe(v.array(Cell), v.maxLength(100, "at most 100 cells a row")),
      }),
    ),
    v.minLength(1, "has a header row but no people"),
    v.maxLength(MAX_IMPORT_ROWS, `at most ${MAX_IMPORT_ROWS} rows at once`),
  ),
});

/** "Send to these N": the Registrations list's own filter. */
export const InvitationBatchBody = v.strictObject({
  q: v.optional(v.pipe(v.string(), v.maxLength(100))),
  role: v.optional(Role),
  invitation: v.optional(InvitationFilter),
});
