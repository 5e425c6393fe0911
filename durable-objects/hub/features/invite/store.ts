import type { PersonCard } from "../../../../core/protocol/networking";
import type { Migration } from "../../../runtime/migrations";

/**
 * The hub's invitations, blocks and 1:1 chats. Invitations are kept after they are answered: the
 * per-pair and per-inviter limits are counted from them, so a restart cannot reset a limit.
 */
export const inviteMigrations: readonly Migration[] = [
  {
    id: "invite/0001_invites",
    sql: `CREATE TABLE invites (
      id TEXT PRIMARY KEY,
      from_id TEXT NOT NULL, from_name TEXT NOT NULL, from_org TEXT,
      to_id TEXT NOT NULL, to_name TEXT NOT NULL, to_org TEXT,
      sent_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      state TEXT NOT NULL,
      answered_at INTEGER
    );
    CREATE INDEX invites_to ON invites (to_id, state);
    CREATE INDEX invites_from ON invites (from_id, sent_at);
    CREATE INDEX invites_due ON invites (state, expires_at);
    CREATE TABLE invite_blocks (
      owner_id TEXT NOT NULL, blocked_id TEXT NOT NULL, name TEXT NOT NULL, org TEXT, at INTEGER NOT NULL,
      PRIMARY KEY (owner_id, blocked_id)
    ) WITHOUT ROWID;
    CREATE TABLE one_to_ones (
      id TEXT PRIMARY KEY,
      call TEXT NOT NULL,
      a_id TEXT NOT NULL, a_name TEXT NOT NULL, a_org TEXT,
      b_id TEXT NOT NULL, b_name TEXT NOT NULL, b_org TEXT,
      started_at INTEGER NOT NULL,
      ended_at INTEGER,
      idle_since INTEGER
    );
    CREATE INDEX one_to_ones_a ON one_to_ones (a_id, ended_at);
    CREATE INDEX one_to_ones_b ON one_to_ones (b_id, ended_at)`,
  },
];

export const InviteStates = ["pending", "accepted", "declined", "withdrawn", "expired", "cancelled"] as const;
export type InviteState = (typeof InviteStates)[number];

export type InviteRow = {
  id: string;
  from_id: string;
  from_name: string;
  from_org: string | null;
  to_id: string;
  to_name: string;
  to_org: string | null;
  sent_at: number;
  expires_at: number;
  state: InviteState;
  answered_at: number | null;
};

export type ChatRow = {
  id: string;
  call: string;
  a_id: string;
  a_name: string;
  a_org: string | null;
  b_id: string;
  b_name: string;
  b_org: string | null;
  started_at: number;
  ended_at: number | null;
  idle_since: number | null;
};

export const fromCard = (r: InviteRow): PersonCard => ({
  registrationId: r.from_id,
  name: r.from_name,
  organisation: r.from_org,
});
export const toCard = (r: InviteRow): PersonCard => ({
  registrationId: r.to_id,
  name: r.to_name,
  organisation: r.to_org,
});

/** The other person of a 1:1, as `me` sees them. */
export const otherIn = (c: ChatRow, me: string): PersonCard =>
  c.a_id === me
    ? { registrationId: c.b_id, name: c.b_name, organisation: c.b_org }
    : { registrationId: c.a_id, name: c.a_name, organisation: c.a_org };

export function insertInvite(
  sql: SqlStorage,
  id: string,
  from: PersonCard,
  to: PersonCard,
  now: number,
  expiresAt: number,
): void {
  sql.exec(
    "INSERT INTO invites (id, from_id, from_name, from_org, to_id, to_name, to_org, sent_at, expires_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')",
    id,
    from.registrationId,
    from.name,
    from.organisation,
    to.registrationId,
    to.name,
    to.organisation,
    now,
    expiresAt,
  );
}

export const inviteById = (sql: SqlStorage, id: string): InviteRow | undefined =>
  sql.exec<InviteRow>("SELECT * FROM invites WHERE id = ?", id).toArray()[0];

export function setInviteState(sql: SqlStorage, id: string, state: InviteState, now: number): void {
  sql.exec("UPDATE invites SET state = ?, answered_at = ? WHERE id = ?", state, now, id);
}

/** Waiting invitations sent to or by a person. */
export const pendingFor = (sql: SqlStorage, id: string): InviteRow[] =>
  sql
    .exec<InviteRow>(
      "SELECT * FROM invites WHERE state = 'pending' AND (to_id = ? OR from_id = ?) ORDER BY sent_at",
      id,
      id,
    )
    .toArray();

export const pendingBetween = (sql: SqlStorage, a: string, b: string): InviteRow | undefined =>
  sql
    .exec<InviteRow>(
      "SELECT * FROM invites WHERE state = 'pending' AND ((from_id = ? AND to_id = ?) OR (from_id = ? AND to_id = ?))",
      a,
      b,
      b,
      a,
    )
    .toArray()[0];

export const outstandingBy = (sql: SqlStorage, from: string): number =>
  sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM invites WHERE state = 'pending' AND from_id = ?", from).one().n;

export const sentSince = (sql: SqlStorage, from: string, since: number): number[] =>
  sql
    .exec<{ sent_at: number }>(
      "SELECT sent_at FROM invites WHERE from_id = ? AND sent_at > ? ORDER BY sent_at",
      from,
      since,
    )
    .toArray()
    .map((r) => r.sent_at);

export const sentToSince = (sql: SqlStorage, from: string, to: string, since: number): number[] =>
  sql
    .exec<{ sent_at: number }>(
      "SELECT sent_at FROM invites WHERE from_id = ? AND to_id = ? AND sent_at > ? ORDER BY sent_at",
      from,
      to,
      since,
    )
    .toArray()
    .map((r) => r.sent_at);

export const lastDeclined = (sql: SqlStorage, from: string, to: string): number | undefined =>
  sql
    .exec<{ at: number | null }>(
      "SELECT MAX(answered_at) AS at FROM invites WHERE from_id = ? AND to_id = ? AND state = 'declined'",
      from,
      to,
    )
    .one().at ?? undefined;

export const dueInvites = (sql: SqlStorage, now: number): InviteRow[] =>
  sql
    .exec<InviteRow>("SELECT * FROM invites WHERE state = 'pending' AND expires_at <= ? ORDER BY expires_at", now)
    .toArray();

export const nextExpiry = (sql: SqlStorage): number | null =>
  sql.exec<{ at: number | null }>("SELECT MIN(expires_at) AS at FROM invites WHERE state = 'pending'").one().at;

export const isBlocked = (sql: SqlStorage, owner: string, blocked: string): boolean =>
  sql.exec("SELECT 1 FROM invite_blocks WHERE owner_id = ? AND blocked_id = ?", owner, blocked).toArray().length > 0;

export function setBlocked(sql: SqlStorage, owner: string, person: PersonCard, blocked: boolean, now: number): void {
  if (!blocked) {
    sql.exec("DELETE FROM invite_blocks WHERE owner_id = ? AND blocked_id = ?", owner, person.registrationId);
    return;
  }
  sql.exec(
    "INSERT INTO invite_blocks (owner_id, blocked_id, name, org, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
    owner,
    person.registrationId,
    person.name,
    person.organisation,
    now,
  );
}

export const blockedBy = (sql: SqlStorage, owner: string): PersonCard[] =>
  sql
    .exec<{ blocked_id: string; name: string; org: string | null }>(
      "SELECT blocked_id, name, org FROM invite_blocks WHERE owner_id = ? ORDER BY at",
      owner,
    )
    .toArray()
    .map((r) => ({ registrationId: r.blocked_id, name: r.name, organisation: r.org }));

export const activeChatOf = (sql: SqlStorage, id: string): ChatRow | undefined =>
  sql.exec<ChatRow>("SELECT * FROM one_to_ones WHERE ended_at IS NULL AND (a_id = ? OR b_id = ?)", id, id).toArray()[0];

export const chatById = (sql: SqlStorage, id: string): ChatRow | undefined =>
  sql.exec<ChatRow>("SELECT * FROM one_to_ones WHERE id = ?", id).toArray()[0];

export const activeChats = (sql: SqlStorage): ChatRow[] =>
  sql.exec<ChatRow>("SELECT * FROM one_to_ones WHERE ended_at IS NULL").toArray();

export function insertChat(sql: SqlStorage, id: string, call: string, a: PersonCard, b: PersonCard, now: number): void {
  sql.exec(
    "INSERT INTO one_to_ones (id, call, a_id, a_name, a_org, b_id, b_name, b_org, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    id,
    call,
    a.registrationId,
    a.name,
    a.organisation,
    b.registrationId,
    b.name,
    b.organisation,
    now,
  );
}

export const endChat = (sql: SqlStorage, id: string, now: number): void =>
  void sql.exec("UPDATE one_to_ones SET ended_at = ? WHERE id = ? AND ended_at IS NULL", now, id);

export const setChatIdle = (sql: SqlStorage, id: string, since: number | null): void =>
  void sql.exec("UPDATE one_to_ones SET idle_since = ? WHERE id = ?", since, id);
