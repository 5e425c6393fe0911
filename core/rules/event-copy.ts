/**
 * Copying an event (its settings, form, programme and prepared items — never its people): the
 * pure parts. A copy gets new ids, so every reference to one of the original's sessions inside
 * the copied rows (a stream room's stage, a session id in an audience rule or a selection list)
 * must point at the copy's session instead; and every time moves by the same amount, so the
 * programme keeps its shape around the new start.
 */

/**
 * `value` with every string that is a key of `ids` replaced by its new id, however deep it sits in
 * objects and arrays. Generic on purpose: columns added later that hold session ids are remapped
 * without this code knowing them.
 */
export function remapIds<T>(value: T, ids: ReadonlyMap<string, string>): T {
  if (typeof value === "string") return (ids.get(value) ?? value) as T;
  if (Array.isArray(value)) return value.map((v) => remapIds(v, ids)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remapIds(v, ids)])) as T;
  }
  return value;
}

/** Start and end of something in the original, moved by the copy's new start minus the old. */
export function shiftTimes<T extends { startsAt: number; endsAt: number }>(row: T, by: number): T {
  return { ...row, startsAt: row.startsAt + by, endsAt: row.endsAt + by };
}
