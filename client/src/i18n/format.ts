/**
 * Message formatting: `{name}` placeholders and a small subset of ICU plurals,
 * `{count, plural, =0 {none} one {# problem} other {# problems}}`, where `#` is the number. The
 * form is chosen by `Intl.PluralRules` of the message's language, so a catalogue writes each of
 * its language's forms (English and Dutch: `one` and `other`) and nothing more. Pure and free of
 * Solid, so the unit tests and the organizer pages use it as is.
 */

type Params = Record<string, string | number>;

const PLURAL = /^\s*(\w+)\s*,\s*plural\s*,(.*)$/s;
const FORM = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;

/** The index of the brace that closes the one at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

/** The forms of a plural placeholder (`one` → "# problem"), or undefined when it is malformed. */
export function pluralForms(body: string): Map<string, string> | undefined {
  const forms = new Map<string, string>();
  let at = 0;
  while (at < body.length && body.slice(at).trim() !== "") {
    FORM.lastIndex = at;
    const m = FORM.exec(body);
    if (!m) return undefined;
    const open = FORM.lastIndex - 1;
    const close = closing(body, open);
    if (close < 0) return undefined;
    forms.set(m[1]!, body.slice(open + 1, close));
    at = close + 1;
  }
  return forms.has("other") ? forms : undefined;
}

function plural(name: string, body: string, params: Params, lang: string): string | undefined {
  const forms = pluralForms(body);
  const n = Number(params[name]);
  if (!forms || !(name in params) || Number.isNaN(n)) return undefined;
  const form = forms.get(`=${n}`) ?? forms.get(new Intl.PluralRules(lang).select(n)) ?? forms.get("other")!;
  return format(form.replaceAll("#", String(params[name])), params, lang);
}

/**
 * Fills a message. A placeholder without a value stays as written, so a missing parameter shows
 * instead of vanishing silently.
 */
export function format(template: string, params?: Params, lang = "en"): string {
  if (!params) return template;
  let out = "";
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf("{", at);
    const close = open < 0 ? -1 : closing(template, open);
    if (close < 0) return out + template.slice(at);
    out += template.slice(at, open);
    const inner = template.slice(open + 1, close);
    const p = PLURAL.exec(inner);
    const filled = p
      ? plural(p[1]!, p[2]!, params, lang)
      : /^\w+$/.test(inner) && inner in params
        ? String(params[inner])
        : undefined;
    out += filled ?? template.slice(open, close + 1);
    at = close + 1;
  }
  return out;
}

/** Every parameter a message uses, plural ones and those inside plural forms included. */
export function placeholderNames(template: string): string[] {
  return [...new Set([...template.matchAll(/\{\s*(\w+)\s*(?:\}|,\s*plural\s*,)/g)].map((m) => m[1]!))].sort();
}

/** The plural placeholders of a message with the forms each gives (for the catalogue tests). */
export function pluralsIn(template: string): { name: string; forms: string[] | undefined }[] {
  const found: { name: string; forms: string[] | undefined }[] = [];
  for (let open = template.indexOf("{"); open >= 0; ) {
    const close = closing(template, open);
    if (close < 0) break;
    const p = PLURAL.exec(template.slice(open + 1, close));
    if (p) found.push({ name: p[1]!, forms: pluralForms(p[2]!) && [...pluralForms(p[2]!)!.keys()] });
    open = template.indexOf("{", p ? close + 1 : open + 1);
  }
  return found;
}
