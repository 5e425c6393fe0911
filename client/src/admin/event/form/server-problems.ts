import type { ApiFailure } from "../../../lib/api";
import { type AdminKey, ta } from "../../i18n";

/**
 * The server's refusals of a form, said in the console's language next to the question they
 * name. The API speaks English (it is also for integrations) with a code and a path per field;
 * the console knows what each code means at each path, and keeps the server's words only for a
 * path it has no words for. Paths are brought to where the editor shows them: a label's language
 * (`fields.2.label.nl`) to the question's label.
 */
export function serverFormProblems(err: ApiFailure): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, said] of Object.entries(err.fields)) {
    const match = /^fields\.(\d+)(\..*)?$/.exec(path);
    const at = match ? `fields.${match[1]}` : path;
    const rest = match ? (match[2] ?? "") : "";
    const place = rest.startsWith(".label.") ? `${at}.label` : path;
    out[place] = textFor(err.code, path === "fields" ? "" : rest, said, match !== null) ?? said;
  }
  return out;
}

/** Who the audience rules belong to, from the conflict's words: `… the audience rule of "A", "B"`. */
function sessionsIn(said: string): string | undefined {
  const named = said
    .split("; ")
    .map((part) => /audience rule of (.+)$/.exec(part)?.[1])
    .filter((s): s is string => s !== undefined);
  return named.length > 0 ? named.join(", ") : undefined;
}

function textFor(code: string, rest: string, said: string, inQuestion: boolean): string | undefined {
  if (code === "conflict") {
    const sessions = sessionsIn(said);
    if (!sessions) return undefined;
    if (!inQuestion) return ta("admin.form.server.ruleUsesQuestion", { sessions });
    return rest === ".options" ? ta("admin.form.server.ruleUsesOption", { sessions }) : undefined;
  }
  if (code !== "validation_failed") return undefined;
  const key = validationKey(rest, said, inQuestion);
  return key ? ta(key) : undefined;
}

function validationKey(rest: string, said: string, inQuestion: boolean): AdminKey | undefined {
  if (!inQuestion) {
    if (/unique/.test(said)) return "admin.form.server.keysUnique";
    return /at most/.test(said) ? "admin.form.problem.tooManyFields" : undefined;
  }
  if (rest === ".label" || rest.startsWith(".label.")) return "admin.form.server.label";
  if (rest === ".key") return "admin.form.server.key";
  if (rest === ".options") return "admin.form.server.options";
  if (/^\.options\.\d+$/.test(rest)) return "admin.form.server.option";
  if (rest.startsWith(".optionLabels.")) return "admin.form.server.optionLabel";
  if (rest === ".maxLength") return "admin.form.problem.maxLength";
  return undefined;
}
