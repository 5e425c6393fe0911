import type { CloudWord } from "../../../../core/protocol/wordcloud";
import { Limits } from "../../../../core/protocol/limits";
import type { ItemStatus } from "../../../../core/protocol/items";
import { ok, refuse, type Outcome } from "../../../../core/rules/outcome";
import { cleanText } from "../../../../core/rules/text";

/**
 * The counting key of an entry: case folded, diacritics removed (NFKD, then combining marks
 * dropped: "Café" and "cafe" count together), punctuation at the ends dropped, inner whitespace
 * collapsed. The original spelling is kept for display.
 */
export function normalizeWord(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("en")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, "");
}

/** An entry is filtered when the whole entry, or any word in it, is on a blocklist. */
export function isBlocked(norm: string, ...lists: ReadonlySet<string>[]): boolean {
  const words = [norm, ...norm.split(/[\s\p{P}]+/u)].filter(Boolean);
  return words.some((w) => lists.some((list) => list.has(w)));
}

export interface Contributor {
  status: ItemStatus;
  visible: boolean;
  perPerson: number;
  /** Normalised forms this person already entered in this cloud. */
  mine: readonly string[];
}

export function decideEntry(
  cloud: Contributor,
  raw: string,
  blocklists: ReadonlySet<string>[],
): Outcome<{ text: string; norm: string }> {
  if (cloud.status !== "open" || !cloud.visible) return refuse("closed", "This word cloud is not taking entries.");
  const text = cleanText(raw, Limits.wordChars);
  if (!text.ok) return text;
  const norm = normalizeWord(text.value);
  if (!norm) return refuse("bad_frame", "Write a word, not only punctuation.", { field: "text" });
  if (isBlocked(norm, ...blocklists)) return refuse("filtered", "That word is filtered in this session.");
  if (cloud.mine.includes(norm)) return refuse("conflict", "You already added that word.");
  if (cloud.mine.length >= cloud.perPerson)
    return refuse("limit_reached", `You can add up to ${cloud.perPerson} words.`);
  return ok({ text: text.value, norm });
}

export type SpellingCount = {
  norm: string;
  text: string;
  count: number;
  /** Order of the first entry with this spelling (earlier wins a tie). */
  first: number;
};

/**
 * Folds the counts of every spelling into one word per counting key, shown with its most used
 * spelling (the earliest among equals), most frequent words first, alphabetical among equals.
 */
export function aggregateWords(
  spellings: readonly SpellingCount[],
  limit: number = Limits.wordcloudTopWords,
): CloudWord[] {
  const byNorm = new Map<string, { best: SpellingCount; count: number }>();
  for (const s of spellings) {
    const entry = byNorm.get(s.norm);
    if (!entry) {
      byNorm.set(s.norm, { best: s, count: s.count });
      continue;
    }
    entry.count += s.count;
    if (s.count > entry.best.count || (s.count === entry.best.count && s.first < entry.best.first)) entry.best = s;
  }
  return [...byNorm.values()]
    .map(({ best, count }) => ({ text: best.text, count, norm: best.norm }))
    .sort((a, b) => b.count - a.count || (a.norm < b.norm ? -1 : a.norm > b.norm ? 1 : 0))
    .slice(0, limit)
    .map(({ text, count }) => ({ text, count }));
}
