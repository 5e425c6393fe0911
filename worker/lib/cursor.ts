import { fromBase64Url, toBase64Url } from "./base64url";
import { validationFailed } from "./errors";

/**
 * Keyset paging: a cursor names the last row of a page by its sort key (time, id), so pages stay
 * stable while rows are added, and a page costs the same however deep it is.
 */
export interface CursorKey {
  at: number;
  id: string;
}

export const encodeCursor = (key: CursorKey) => toBase64Url(new TextEncoder().encode(JSON.stringify([key.at, key.id])));

export function decodeCursor(cursor: string | undefined): CursorKey | undefined {
  if (cursor === undefined) return undefined;
  try {
    const bytes = fromBase64Url(cursor);
    const raw: unknown = bytes && JSON.parse(new TextDecoder().decode(bytes));
    if (Array.isArray(raw) && typeof raw[0] === "number" && typeof raw[1] === "string") return { at: raw[0], id: raw[1] };
  } catch {
    // fall through
  }
  throw validationFailed({ cursor: "is not a cursor from this list" });
}

/** Splits a fetched `limit + 1` rows into the page and the cursor for the next one. */
export function pageOf<T>(rows: T[], limit: number, key: (row: T) => CursorKey): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}
