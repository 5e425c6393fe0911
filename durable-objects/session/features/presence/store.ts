import type { DeviceClass } from "../../../../core/protocol/hello";
import type { Role } from "../../../../core/protocol/identity";
import type { Migration } from "../../../runtime/migrations";

export const presenceMigrations: readonly Migration[] = [
  {
    id: "presence/0001_visits",
    sql: `CREATE TABLE visits (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      registration_id TEXT NOT NULL,
      name TEXT NOT NULL,
      role TEXT NOT NULL,
      device TEXT NOT NULL,
      joined_at INTEGER NOT NULL,
      left_at INTEGER
    );
    CREATE INDEX visits_registration ON visits (registration_id);
    CREATE INDEX visits_open ON visits (left_at)`,
  },
];

export type VisitRow = {
  id: number;
  registration_id: string;
  name: string;
  role: Role;
  device: DeviceClass;
  joined_at: number;
  left_at: number | null;
};

export function startVisit(
  sql: SqlStorage,
  v: { registrationId: string; name: string; role: Role; device: DeviceClass },
  now: number,
): VisitRow {
  return sql
    .exec<VisitRow>(
      "INSERT INTO visits (registration_id, name, role, device, joined_at) VALUES (?, ?, ?, ?, ?) RETURNING *",
      v.registrationId,
      v.name,
      v.role,
      v.device,
      now,
    )
    .one();
}

export function endVisit(sql: SqlStorage, id: number, now: number): VisitRow | undefined {
  return sql
    .exec<VisitRow>("UPDATE visits SET left_at = ? WHERE id = ? AND left_at IS NULL RETURNING *", now, id)
    .toArray()[0];
}

export function openVisits(sql: SqlStorage): VisitRow[] {
  return sql.exec<VisitRow>("SELECT * FROM visits WHERE left_at IS NULL").toArray();
}

/** Someone who was ever here (for moderation of people who have left, e.g. muting from the chat). */
export function knownPerson(sql: SqlStorage, registrationId: string): { name: string; role: Role } | undefined {
  return sql
    .exec<{ name: string; role: Role }>(
      "SELECT name, role FROM visits WHERE registration_id = ? ORDER BY id DESC LIMIT 1",
      registrationId,
    )
    .toArray()[0];
}
