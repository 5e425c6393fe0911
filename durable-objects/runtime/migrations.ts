/**
 * Append-only schema migrations for the object's SQLite storage. Each feature contributes its
 * own; an id, once shipped, is never edited or removed. Applied in order, each in a transaction,
 * and recorded so a restarted object skips what it already has.
 */
export interface Migration {
  readonly id: string;
  readonly sql: string;
}

export function migrate(storage: DurableObjectStorage, migrations: readonly Migration[]): void {
  const sql = storage.sql;
  sql.exec("CREATE TABLE IF NOT EXISTS _migrations (id TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)");
  const applied = new Set(
    sql
      .exec<{ id: string }>("SELECT id FROM _migrations")
      .toArray()
      .map((row) => row.id),
  );
  for (const migration of migrations) {
    if (applied.has(migration.id)) continue;
    storage.transactionSync(() => {
      sql.exec(migration.sql);
      sql.exec("INSERT INTO _migrations (id, applied_at) VALUES (?, ?)", migration.id, Date.now());
    });
  }
}
