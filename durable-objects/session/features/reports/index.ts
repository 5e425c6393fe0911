import type { RoomContext } from "../../../runtime/context";
import { defineFeature } from "../../../runtime/feature";
import { Outbox, outboxMigrations } from "../../../runtime/outbox";
import { reportKey, type ReportItem } from "./items";
import { writeReports } from "../../../../server/db/reports";

/**
 * Reports: attendance, final results, questions and carousel contacts, on their way to D1
 * through the session's outbox (kept until D1 has them, so nothing is lost or written twice).
 */
const OUTBOX_ALARM = "outbox";

const outboxOf = (room: RoomContext) => new Outbox<ReportItem>(room.sql, room.alarms, OUTBOX_ALARM);

/** Queues a row for the D1 reports (written soon after, retried until D1 has it). */
export function report(room: RoomContext, item: ReportItem): void {
  outboxOf(room).put(reportKey(item), item, room.now());
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
  migrations: outboxMigrations,
  alarms: { [OUTBOX_ALARM]: flushReports },
});
