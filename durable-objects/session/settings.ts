import type { Migration } from "../runtime/migrations";

/** Per-session switches moderators set. Defaults are what Slido-like tools start with: all on, no approval. */
export interface Settings {
  chatEnabled: boolean;
  qaEnabled: boolean;
  qaApproval: boolean;
  reactionsEnabled: boolean;
  /** The question on the stage (the producer's output shows it). */
  highlighted: string | null;
  /** Where a moderator last sent everyone (see features/nav), and when. */
  navTo: string | null;
  navAt: number | null;
}

const defaults: Settings = {
  chatEnabled: true,
  qaEnabled: true,
  qaApproval: false,
  reactionsEnabled: true,
  highlighted: null,
  navTo: null,
  navAt: null,
};

export const settingsMigrations: readonly Migration[] = [
  { id: "settings/0001_settings", sql: "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)" },
];

export function readSettings(sql: SqlStorage): Settings {
  const stored = Object.fromEntries(
    sql
      .exec<{ key: string; value: string }>("SELECT key, value FROM settings")
      .toArray()
      .map((row) => [row.key, JSON.parse(row.value) as unknown]),
  );
  return { ...defaults, ...(stored as Partial<Settings>) };
}

export function writeSettings(sql: SqlStorage, changes: Partial<Settings>): void {
  for (const [key, value] of Object.entries(changes)) {
    sql.exec(
      "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      key,
      JSON.stringify(value),
    );
  }
}
