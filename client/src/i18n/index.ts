import { createSignal } from "solid-js";
import { Languages, type Language } from "../../../core/protocol/identity";
import { en, type MessageKey } from "./en";
import { nl } from "./nl";
import { format } from "./format";

export type { MessageKey };

/**
 * The catalogues: the eager part in the first bundle; parts for lazily loaded views (the directory,
 * the carousel) are added by those views' chunks (`addMessages`), so the portal's first paint does
 * not carry their strings.
 */
export const catalogues: Record<Language, Partial<Record<MessageKey, string>>> = { en: { ...en }, nl: { ...nl } };

/** Adds a lazily loaded part of the catalogues (every language at once, so none lags behind). */
export function addMessages(part: Record<Language, Partial<Record<MessageKey, string>>>): void {
  for (const lang of Languages) Object.assign(catalogues[lang], part[lang]);
}

const STORAGE_KEY = "foyer.language";

function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (Languages.includes(stored as Language)) return stored as Language;
  const browser = globalThis.navigator?.language?.slice(0, 2);
  return Languages.includes(browser as Language) ? (browser as Language) : "en";
}

const [language, setLanguageSignal] = createSignal<Language>(initialLanguage());
export { language };

/** A choice the person made wins over the registration's language on later visits. */
export function setLanguage(lang: Language, remember = true): void {
  // Remembered first: effects of the switch (refetching texts in that language) run at once.
  if (remember) globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  setLanguageSignal(lang);
  document.documentElement.lang = lang;
}

export const browserLanguageSupported = () =>
  Languages.includes(globalThis.navigator?.language?.slice(0, 2) as Language);

/**
 * A request for organizer-written texts (session titles, form labels) in the language the person
 * picked on this device; without one, the server uses their registration's language.
 */
export function withChosenLanguage(path: string): string {
  const chosen = chosenLanguage();
  return chosen ? `${path}${path.includes("?") ? "&" : "?"}lang=${chosen}` : path;
}

/** The language the person picked on this device, if they did. */
export function chosenLanguage(): Language | undefined {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return Languages.includes(stored as Language) ? (stored as Language) : undefined;
}

/** The registration's language applies unless the person picked one on this device. */
export function adoptRegistrationLanguage(lang: Language): void {
  if (!globalThis.localStorage?.getItem(STORAGE_KEY)) setLanguage(lang, false);
}

export { format } from "./format";

/**
 * Reactive: components that call t() re-render when the language changes. A key missing at run
 * time (built from data, say) shows as itself and is reported, so the i18n e2e test catches it.
 */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  // A lazy part's key is only used by its own views, which add the part before they render.
  const template = catalogues[language()][key];
  if (template === undefined) {
    console.error(`Missing translation: ${language()} ${key}`);
    return key;
  }
  return format(template, params, language());
}
