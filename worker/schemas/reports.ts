import * as v from "valibot";
import { AttendanceTables, EngagementTables } from "../../server/reports/tables";

const format = v.optional(v.picklist(["json", "csv"], "must be json or csv"), "json");
/** Rows in the JSON answer (the CSV always has them all). */
const limit = v.optional(
  v.pipe(v.string(), v.regex(/^\d+$/, "must be a number"), v.transform(Number), v.minValue(1), v.maxValue(1000)),
  "100",
);

export const AttendanceQuery = v.object({
  format,
  table: v.optional(v.picklist(AttendanceTables, `must be one of ${AttendanceTables.join(", ")}`), "sessions"),
});

export const EngagementQuery = v.object({
  format,
  table: v.optional(v.picklist(EngagementTables, `must be one of ${EngagementTables.join(", ")}`), "sessions"),
});

export const RowsQuery = v.object({ format, limit });

export const StaysQuery = v.object({
  format,
  limit,
  sessionId: v.optional(v.pipe(v.string(), v.maxLength(64))),
});
