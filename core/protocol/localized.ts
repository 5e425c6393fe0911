import type { Language } from "./identity";

/**
 * Text an organizer writes (an event or session title, a form label): either one string, which
 * is in the event's first language, or a text per language, `{ "en": "Ticket", "nl": "Toegang" }`.
 * Shared by the worker and the client, like identity.ts: pure, no runtime imports.
 */
export type PerLanguage = Partial<Record<Language, string>>;
export type LocalizedText = string | PerLanguage;

/**
 * The text to show someone reading `lang`: theirs if the organizer wrote it, else the event's
 * first language, else the event's other languages in order, else whatever there is. A plain
 * string is the only text there is, so it shows in every language.
 */
export function textIn(
  text: LocalizedText | undefined,
  lang: Language | undefined,
  languages: readonly Language[],
): string {
  if (text === undefined) return "";
  if (typeof text === "string") return text;
  for (const l of [...(lang ? [lang] : []), ...languages]) {
    const found = text[l];
    if (found !== undefined) return found;
  }
  return Object.values(text).find((t) => t !== undefined) ?? "";
}

/** Every version of a text, for matching what someone typed in any of the event's languages. */
export const allTexts = (text: LocalizedText): string[] =>
  typeof text === "string" ? [text] : Object.values(text).filter((t): t is string => t !== undefined);
