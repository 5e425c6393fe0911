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

export const encodeCursor = (key: CursorKey) => encodeSortKey([key.at, key.id]);

export function decodeCursor(cursor: string | undefined): CursorKey | undefined {
  const key = decodeSortKey(cursor, ["number", "string"]);
  return key && { at: key[0] as number, id: key[1] as string };
}

/** A cursor over any sort key made of strings and numbers (a name and an id, a time and an id). */
export const encodeSortKey = (key: readonly (string | number)[]) =>
  toBase64Url(new TextEncoder().encode(JSON.stringify(key)));

export function decodeSortKey(
  cursor: string | undefined,
  shape: readonly ("string" | "number")[],
): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const bytes = fromBase64Url(cursor);
    const raw: unknown = bytes && JSON.parse(new TextDecoder().decode(bytes));
    if (Array.isArray(raw) && raw.length === shape.length && shape.every((type, i) => typeof raw[i] === type))
      return raw as (string | number)[];
  } catch {
    // fall through
  }
  throw validationFailed({ cursor: "is not a cursor from this list" });
}

/** Splits a fetched `limit + 1` rows into the page and the cursor for the next one. */
export function pageOf<T>(
  rows: T[],
  limit: number,
  key: (row: T) => CursorKey,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}
