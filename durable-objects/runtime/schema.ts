import { alarmMigrations } from "./alarms";
import { eventLogMigrations } from "./events";
import type { Migration } from "./migrations";
import { mutationMigrations } from "./mutations";
import { tickerMigrations } from "./ticker";

/**
 * The runtime's own tables, in every object: its name, the event log, applied mutation ids,
 * named alarms and durable tick marks. An object's own tables and its features' follow (plan.ts).
 * Every list is append-only; ids are namespaced, so lists never collide.
 */
export const runtimeMigrations: readonly Migration[] = [
  {
    id: "0001_room_meta",
    sql: "CREATE TABLE room_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
  },
  ...eventLogMigrations,
  ...mutationMigrations,
  ...alarmMigrations,
  ...tickerMigrations,
];
