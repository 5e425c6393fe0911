import type { RoomContext } from "./context";
import type { Migration } from "./migrations";

/** Applied mutation ids are kept this long: far beyond any client's reconnect-and-resend window. */
export const MUTATION_TTL_MS = 24 * 3600_000;

export const mutationMigrations: readonly Migration[] = [
  {
    id: "sync/0002_mutations",
    sql: `CREATE TABLE mutations (
      registration_id TEXT NOT NULL,
      id TEXT NOT NULL,
      entity_id TEXT,
      at INTEGER NOT NULL,
      PRIMARY KEY (registration_id, id)
    ) WITHOUT ROWID;
    CREATE INDEX mutations_at ON mutations (at)`,
  },
];

/**
 * The ids of mutations already applied, per person (one person cannot block another's id). A
 * resend after a reconnect finds its id here and is acknowledged again without being applied.
 */
export class Mutations {
  constructor(private readonly sql: SqlStorage) {}

  /** The earlier application of this mutation, if any (with the id of what it created). */
  applied(registrationId: string, id: string): { entityId: string | null } | undefined {
    return this.sql
      .exec<{ entity_id: string | null }>(
        "SELECT entity_id FROM mutations WHERE registration_id = ? AND id = ?",
        registrationId,
        id,
      )
      .toArray()
      .map((row) => ({ entityId: row.entity_id }))[0];
  }

  record(registrationId: string, id: string, entityId: string | undefined, now: number): void {
    this.sql.exec(
      "INSERT INTO mutations (registration_id, id, entity_id, at) VALUES (?, ?, ?, ?)",
      registrationId,
      id,
      entityId ?? null,
      now,
    );
  }

  prune(now: number): void {
    this.sql.exec("DELETE FROM mutations WHERE at < ?", now - MUTATION_TTL_MS);
  }
}

/** The named alarm that prunes old mutation ids: every handshake brings it within the hour. */
export const MAINTENANCE_ALARM = "maintenance";
export const MAINTENANCE_EVERY_MS = 3600_000;

export function scheduleMaintenance(room: RoomContext): void {
  room.alarms.schedule(MAINTENANCE_ALARM, room.now() + MAINTENANCE_EVERY_MS, { keepEarlier: true });
}
