import { Languages, type Language } from "../core/protocol/identity";
import { textIn, type LocalizedText } from "../core/protocol/localized";
import type { Translations } from "./db/schema";
import { validationFailed } from "./errors";

/**
 * Organizer-written texts in several languages: how they are stored, how the organizer API gives
 * them back (as they were given), and how a participant reads them (in their language, falling
 * back to the event's first). Pure.
 */

type Texts = { title: string; description: string; translations: Translations };
type TextKey = keyof Translations;

/**
 * Columns for the texts a body gives: the plain column holds the event's first language (or, for
 * a per-language object without it, its first text), the object goes into `translations`. A text
 * the body leaves out keeps what it had; one given as a plain string drops its old translations.
 */
export function textColumns(
  body: { [K in TextKey]?: LocalizedText | undefined },
  current: Translations,
  first: Language,
): Partial<Record<TextKey, string>> & { translations: Translations } {
  const columns: Partial<Record<TextKey, string>> = {};
  const translations: Translations = { ...current };
  for (const key of ["title", "description"] as const) {
    const text = body[key];
    if (text === undefined) continue;
    columns[key] = textIn(text, first, [first]);
    if (typeof text === "string") delete translations[key];
    else translations[key] = { ...text };
  }
  return { ...columns, translations };
}

/** A text as the organizer gave it. */
export const asGiven = (row: Texts, key: TextKey): LocalizedText => row.translations[key] ?? row[key];

/** A text for someone reading `lang`. */
export const textOf = (row: Texts, key: TextKey, lang: Language | undefined, languages: readonly Language[]): string =>
  textIn(asGiven(row, key), lang, languages);

/** Shared with the console's preview of the public form, which must read exactly like it. */
export { fieldIn } from "../core/rules/form";

/**
 * The event's languages after a create or an update. `defaultLanguage` is the event's first
 * language by another name (kept for the API's earlier clients), so the two always agree: given
 * alone, it moves to the front; given with `languages`, it must be their first.
 */
export function eventLanguages(
  current: readonly Language[] | undefined,
  body: { defaultLanguage?: Language | undefined; languages?: Language[] | undefined },
): Language[] {
  if (body.languages) {
    if (body.defaultLanguage !== undefined && body.defaultLanguage !== body.languages[0]) {
      throw validationFailed({ defaultLanguage: `must be the first of languages (${body.languages[0]})` });
    }
    return [...body.languages];
  }
  const first = body.defaultLanguage ?? current?.[0] ?? Languages[0];
  return [first, ...(current ?? Languages).filter((l) => l !== first)];
}
