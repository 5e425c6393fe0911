import type { Migration } from "./migrations";

/** The session object's own tables. Features append theirs in their handler modules. */
export const roomMigrations: readonly Migration[] = [
  {
    id: "0001_room_meta",
    sql: "CREATE TABLE room_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
  },
];
