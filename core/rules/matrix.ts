import type { AttributeCondition, AttributeValue } from "../contract/index";
import { conditionHolds } from "./audience";
import { MatrixLimits, type MatrixTile } from "../protocol/matrix";

/**
 * Who the participants matrix shows, as pure rules (unit-tested directly). Privacy first: a
 * person appears only if they opted in, were not removed by a moderator, and match every
 * condition; nobody else is ever a candidate, whatever the source reports.
 */
export interface SelectionInput {
  /** Participants present in the source sessions now. */
  present: readonly MatrixTile[];
  /** Everyone who opted in, with their attributes (for the conditions). */
  consented: ReadonlyMap<string, Record<string, AttributeValue>>;
  removed: ReadonlySet<string>;
  conditions: readonly AttributeCondition[];
}

const byName = (a: MatrixTile, b: MatrixTile) => {
  const x = a.name.toLocaleLowerCase("en");
  const y = b.name.toLocaleLowerCase("en");
  return x < y
    ? -1
    : x > y
      ? 1
      : a.registrationId < b.registrationId
        ? -1
        : a.registrationId > b.registrationId
          ? 1
          : 0;
};

/** The candidates in a stable order (by name), each person once (the first session reporting them). */
export function selectMatrix(input: SelectionInput): MatrixTile[] {
  const seen = new Set<string>();
  const chosen: MatrixTile[] = [];
  for (const p of input.present) {
    if (seen.has(p.registrationId)) continue;
    seen.add(p.registrationId);
    const attributes = input.consented.get(p.registrationId);
    if (!attributes || input.removed.has(p.registrationId)) continue;
    if (!input.conditions.every((c) => conditionHolds(c, attributes))) continue;
    chosen.push(p);
  }
  return chosen.sort(byName);
}

/** Tiles a page: what the moderator asked for, within what the provider can show. */
export const tilesPerPage = (requested: number, providerMax: number): number =>
  Math.max(1, Math.min(requested, providerMax, MatrixLimits.maxTiles));

/** One page of the candidates; a page number past the end wraps around (rotation never runs dry). */
export function pageOf(
  candidates: readonly MatrixTile[],
  pageSize: number,
  page: number,
): { tiles: MatrixTile[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(candidates.length / pageSize));
  const current = ((page % pages) + pages) % pages;
  return { tiles: candidates.slice(current * pageSize, (current + 1) * pageSize), page: current, pages };
}

/**
 * What each source session must show now: its people on the new page, and an empty list for every
 * session that may still show someone (`told`: it was given people, or did not answer), so that
 * no camera keeps going after it left the page.
 */
export function sourceUpdates(told: Iterable<string>, after: readonly MatrixTile[]): Map<string, string[]> {
  const updates = new Map<string, string[]>();
  for (const sessionId of told) updates.set(sessionId, []);
  for (const t of after) {
    const list = updates.get(t.sessionId) ?? [];
    list.push(t.registrationId);
    updates.set(t.sessionId, list);
  }
  return updates;
}

/** The local mesh's cap, or Chime's 25 tiles a client. */
export const providerMaxTiles = (media: "local" | "aws", meshMaxPeers: number): number =>
  media === "aws" ? MatrixLimits.maxTiles : Math.min(MatrixLimits.maxTiles, meshMaxPeers);
