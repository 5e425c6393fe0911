import type { ActivityCounts, ActivityKind } from "../../../../core/contract/reports";
import type { Migration } from "../../../runtime/migrations";
import type { ReportItem } from "./items";

export const activityMigrations: readonly Migration[] = [
  {
    id: "reports/0001_activity",
    sql: `CREATE TABLE activity (
      registration_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      count INTEGER NOT NULL,
      PRIMARY KEY (registration_id, kind)
    )`,
  },
];

/**
 * Counts one thing a person did (a chat message, a vote, a raised hand) and returns their running
 * totals as a report item. Called inside the mutation that did it, so a resent frame (which is
 * acknowledged without running again) is not counted twice, and the count commits with the deed.
 */
export function countActivity(
  sql: SqlStorage,
  registrationId: string,
  kind: ActivityKind,
): Extract<ReportItem, { kind: "activity" }> {
  sql.exec(
    "INSERT INTO activity (registration_id, kind, count) VALUES (?, ?, 1) ON CONFLICT (registration_id, kind) DO UPDATE SET count = count + 1",
    registrationId,
    kind,
  );
  const counts: Partial<ActivityCounts> = {};
  for (const row of sql
    .exec<{ kind: ActivityKind; count: number }>(
      "SELECT kind, count FROM activity WHERE registration_id = ?",
      registrationId,
    )
    .toArray())
    counts[row.kind] = row.count;
  return { kind: "activity", registrationId, counts };
}
