import type { PersonRef } from "../../../../core/protocol/common";
import type { MatrixConfig, MatrixTile } from "../../../../core/protocol/matrix";
import type { Migration } from "../../../runtime/migrations";
import { readMeta, writeMeta } from "./store";

/**
 * The matrix in the object's storage. As coordinator (the session whose output page shows the
 * grid): its configuration, the page on screen and the people moderators removed. As a source
 * (any session whose people may be shown): the latest consent each person gave here, which wins
 * over a stale read of D1 (see handlers/matrix-source.ts).
 */
export const matrixMigrations: readonly Migration[] = [
  {
    id: "matrix/0001_matrix",
    sql: `CREATE TABLE matrix_removed (registration_id TEXT PRIMARY KEY, name TEXT NOT NULL, at INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE matrix_consent (registration_id TEXT PRIMARY KEY, opted_in INTEGER NOT NULL, at INTEGER NOT NULL) WITHOUT ROWID`,
  },
];

export const DEFAULT_MATRIX: MatrixConfig = {
  active: false,
  source: { kind: "here" },
  conditions: [],
  pageSize: 9,
  rotateSeconds: 20,
};

export interface MatrixScreen {
  tiles: MatrixTile[];
  page: number;
  pages: number;
  total: number;
  nextTurnAt: number | null;
}

const EMPTY_SCREEN: MatrixScreen = { tiles: [], page: 0, pages: 1, total: 0, nextTurnAt: null };

const json = <T>(sql: SqlStorage, key: string, fallback: T): T => {
  const raw = readMeta(sql, key);
  return raw === undefined ? fallback : (JSON.parse(raw) as T);
};

export const readMatrixConfig = (sql: SqlStorage): MatrixConfig => json(sql, "matrix_config", DEFAULT_MATRIX);
export const writeMatrixConfig = (sql: SqlStorage, config: MatrixConfig): void =>
  writeMeta(sql, "matrix_config", JSON.stringify(config));

export const readScreen = (sql: SqlStorage): MatrixScreen => json(sql, "matrix_screen", EMPTY_SCREEN);
export const writeScreen = (sql: SqlStorage, screen: MatrixScreen): void =>
  writeMeta(sql, "matrix_screen", JSON.stringify(screen));

export function removedPeople(sql: SqlStorage): PersonRef[] {
  return sql
    .exec<{ registration_id: string; name: string }>("SELECT registration_id, name FROM matrix_removed ORDER BY at")
    .toArray()
    .map((r) => ({ registrationId: r.registration_id, name: r.name }));
}

export function setRemoved(sql: SqlStorage, person: PersonRef, removed: boolean, now: number): void {
  if (removed) {
    sql.exec(
      "INSERT OR IGNORE INTO matrix_removed (registration_id, name, at) VALUES (?, ?, ?)",
      person.registrationId,
      person.name,
      now,
    );
  } else {
    sql.exec("DELETE FROM matrix_removed WHERE registration_id = ?", person.registrationId);
  }
}

/** The consent a person gave in this session, if they changed it here (undefined: only D1 knows). */
export function localConsent(sql: SqlStorage, registrationId: string): boolean | undefined {
  const row = sql
    .exec<{ opted_in: number }>("SELECT opted_in FROM matrix_consent WHERE registration_id = ?", registrationId)
    .toArray()[0];
  return row ? row.opted_in === 1 : undefined;
}

export function recordConsent(sql: SqlStorage, registrationId: string, optIn: boolean, now: number): void {
  sql.exec(
    "INSERT INTO matrix_consent (registration_id, opted_in, at) VALUES (?, ?, ?) ON CONFLICT (registration_id) DO UPDATE SET opted_in = excluded.opted_in, at = excluded.at",
    registrationId,
    optIn ? 1 : 0,
    now,
  );
}

/** The session whose matrix shows people from here (one coordinator at a time). */
export const shownBy = (sql: SqlStorage): string | null => readMeta(sql, "matrix_by") ?? null;
export const setShownBy = (sql: SqlStorage, coordinator: string | null): void =>
  writeMeta(sql, "matrix_by", coordinator ?? undefined);
