import type { PreparedInteraction } from "../../../../core/contract/interactions";
import { database } from "../../../../server/db/client";
import { preparedForImport } from "../../../../server/db/interactions";
import { canModerate } from "../../../runtime/mutate";
import type { RoomContext } from "../../../runtime/context";
import { defineFeature } from "../../../runtime/feature";
import { newId } from "../../../../server/ids";
import { publishItem, type DefinitionOf, type ItemKindSpec } from "./handler";
import { deleteItem, hasPrepared, itemRow, type ItemRow } from "./store";

type Kind = PreparedInteraction["kind"];
/** Every kind an organizer can prepare, with its spec (the compiler asks for each). */
export type PreparedSpecs = { readonly [K in Kind]: ItemKindSpec<K, ItemRow> };

/** A moderator joining pulls the organizer's prepared items, at most this often per instance. */
const PREPARED_REFRESH_MS = 60_000;
const fetchedAt = new WeakMap<RoomContext, number>();

function importOne<K extends Kind>(
  room: RoomContext,
  spec: ItemKindSpec<K, ItemRow>,
  item: Extract<PreparedInteraction, { kind: K }>,
  createdAt: number,
): boolean {
  if (hasPrepared(room.sql, spec.table, item.id)) return false;
  const id = newId(item.kind);
  spec.insert(room.sql, id, item.definition as DefinitionOf<K>, createdAt, item.id);
  const row = itemRow(room.sql, spec.table, id)!;
  publishItem(room, spec, { before: row, after: row });
  return true;
}

/**
 * Brings the organizer's prepared polls, quizzes and word clouds into the session as drafts for
 * moderators to open. Idempotent (keyed by the prepared item's id); a prepared item deleted in
 * the admin API disappears here too, as long as it is still a draft.
 */
export function importPrepared(
  room: RoomContext,
  kinds: PreparedSpecs,
  items: readonly PreparedInteraction[],
): { imported: number; removed: number } {
  let imported = 0;
  // Moderators see items newest first, so the organizer's first item gets the latest creation
  // time of this import (a millisecond apart) and is published last: it ends up on top.
  const ordered = [...items].sort((a, b) => b.position - a.position);
  const now = room.now();
  for (const [i, item] of ordered.entries())
    if (importOne(room, kinds[item.kind] as ItemKindSpec<typeof item.kind, ItemRow>, item, now + i)) imported++;
  let removed = 0;
  const keep = new Set(items.map((i) => i.id));
  for (const spec of Object.values(kinds) as ItemKindSpec<Kind, ItemRow>[]) {
    const stale = room.sql
      .exec<ItemRow & { prepared_id: string }>(
        `SELECT * FROM ${spec.table} WHERE status = 'draft' AND prepared_id IS NOT NULL`,
      )
      .toArray()
      .filter((r) => !keep.has(r.prepared_id));
    for (const row of stale) {
      deleteItem(room.sql, spec.table, row.id);
      publishItem(room, spec, { before: row, after: undefined });
      removed++;
    }
  }
  return { imported, removed };
}

/** Imports the organizer's prepared items for this session from D1 (the admin API asks after a change). */
export async function syncPrepared(
  room: RoomContext,
  kinds: PreparedSpecs,
): Promise<{ imported: number; removed: number }> {
  fetchedAt.set(room, Date.now());
  const rows = await preparedForImport(database(room.env.DB), room.sessionId);
  const items = rows.map(
    (r) =>
      ({
        id: r.id,
        sessionId: r.sessionId,
        kind: r.kind,
        definition: r.definition,
        position: r.position,
      }) as PreparedInteraction,
  );
  return room.transaction(() => importPrepared(room, kinds, items));
}

/** The organizer's prepared items, as drafts for the session's moderators. */
export const prepared = (kinds: PreparedSpecs) =>
  defineFeature({
    name: "prepared",
    frames: {},
    // A moderator's hello brings the drafts up to date (an organizer may have prepared more).
    afterHello({ room, who }) {
      if (!canModerate(who.role) || Date.now() - (fetchedAt.get(room) ?? 0) < PREPARED_REFRESH_MS || !room.sessionId)
        return;
      syncPrepared(room, kinds).catch((err: unknown) => console.error("importing prepared items failed", err));
    },
  });
