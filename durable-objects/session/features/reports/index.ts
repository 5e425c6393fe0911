import type { RoomContext } from "../../../runtime/context";
import { defineFeature } from "../../../runtime/feature";
import { Outbox, outboxMigrations } from "../../../runtime/outbox";
import { reportKey, type ReportItem } from "./items";
import { writeReports } from "../../../../server/db/reports";
import type { ActivityKind } from "../../../../core/contract/reports";
import { activityMigrations, countActivity } from "./activity";

/**
 * Reports: attendance, final results, questions, carousel contacts and what each person did, on their way to D1
 * through the session's outbox (kept until D1 has them, so nothing is lost or written twice).
 */
const OUTBOX_ALARM = "outbox";

const outboxOf = (room: RoomContext) => new Outbox<ReportItem>(room.sql, room.alarms, OUTBOX_ALARM);

/** Queues a row for the D1 reports (written soon after, retried until D1 has it). */
export function report(room: RoomContext, item: ReportItem): void {
  outboxOf(room).put(reportKey(item), item, room.now());
}

/** Counts one thing a person did here, for the engagement report (inside the mutation that did it). */
export function recordActivity(room: RoomContext, registrationId: string, kind: ActivityKind): void {
  report(room, countActivity(room.sql, registrationId, kind));
}

/** Writes pending attendance and results to D1 (the alarm's step; tests call it instead of waiting). */
export function flushReports(room: RoomContext): Promise<void> {
  return outboxOf(room).flush(
    (items) => writeReports(room.env.DB, room.sessionId, items),
    () => room.now(),
  );
}

export const reports = defineFeature({
  name: "reports",
  frames: {},
  migrations: [...outboxMigrations, ...activityMigrations],
  alarms: { [OUTBOX_ALARM]: flushReports },
});
