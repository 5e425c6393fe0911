import type { Language } from "../../../../core/protocol/identity";

/**
 * A deliberately small starter list per language, of normalised words (see `normalizeWord`).
 * Moderators extend it per session. Every language's list applies to every entry: a Dutch
 * swear word in an English session is still one.
 */
export const profanity: Record<Language, readonly string[]> = {
  en: [
    "fuck",
    "fucking",
    "shit",
    "bitch",
    "cunt",
    "asshole",
    "bastard",
    "dick",
    "wanker",
    "motherfucker",
    "slut",
    "whore",
  ],
  nl: [
    "kut",
    "klootzak",
    "lul",
    "tering",
    "kanker",
    "godverdomme",
    "hoer",
    "kankerlijer",
    "mongool",
    "sukkel",
    "teringlijer",
    "eikel",
  ],
};

export const builtInBlocklist: ReadonlySet<string> = new Set(Object.values(profanity).flat());
