import type { PerLanguage, RegistrationField } from "../../../../../core/contract/index";
import type { Language } from "../../../../../core/protocol/identity";

/**
 * The registration form as the organizer edits it, before it is saved: pure, so every edit is a
 * tested function. A question's key (what answers are stored under, what audience rules and CSV
 * imports name) is made from its label once: it follows the label while the question is new and
 * is fixed from the first save on, so relabelling never changes who a rule lets in. The same goes
 * for an option's value.
 */

export type FieldKind = RegistrationField["kind"];
export const FIELD_KINDS = ["text", "choice", "multi-choice", "consent"] as const satisfies readonly FieldKind[];

export interface DraftOption {
  /** Stable within the draft, for lists and focus; not sent. */
  id: number;
  value: string;
  labels: PerLanguage;
  /** Saved before: its value is fixed. */
  saved: boolean;
}

export interface DraftField {
  id: number;
  kind: FieldKind;
  key: string;
  saved: boolean;
  label: PerLanguage;
  required: boolean;
  maxLength?: number;
  options: DraftOption[];
}

export interface Draft {
  fields: DraftField[];
  /** The event's first language: keys and values are made from labels in it (else any other). */
  first: Language;
  /** Keys of saved questions removed in this draft: not given to a new one, whose answers would mix with theirs. */
  retired: string[];
  nextId: number;
}

export type DraftAction =
  | { type: "add"; kind: FieldKind }
  | { type: "remove"; id: number }
  | { type: "move"; id: number; by: -1 | 1 }
  | { type: "label"; id: number; lang: Language; text: string }
  | { type: "required"; id: number; required: boolean }
  | { type: "maxLength"; id: number; maxLength: number | undefined }
  | { type: "addOption"; id: number }
  | { type: "removeOption"; id: number; optionId: number }
  | { type: "moveOption"; id: number; optionId: number; by: -1 | 1 }
  | { type: "optionLabel"; id: number; optionId: number; lang: Language; text: string };

export const RESERVED_KEYS = ["name", "email", "language", "role", "selections", "sessions", "id"];
const KEY_MAX = 40;

/** A key from a label: a-z 0-9 _, starting with a letter, as the API requires. */
export function slugOf(label: string, fallback: string): string {
  const slug = label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, KEY_MAX)
    .replace(/_+$/, "");
  if (slug === "") return fallback;
  return /^[a-z]/.test(slug) ? slug : `${fallback}_${slug}`.slice(0, KEY_MAX);
}

/** `base`, else `base_2`, `base_3`…, none of `taken`, within the length limit. */
export function uniqueKey(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = `${base.slice(0, KEY_MAX - suffix.length)}${suffix}`;
    if (!taken.includes(candidate)) return candidate;
  }
}

/** The text a key is made from: the first language's label, else the first label there is. */
const sourceText = (labels: PerLanguage, first: Language) =>
  labels[first]?.trim() ||
  Object.values(labels)
    .find((t) => t?.trim())
    ?.trim() ||
  "";

const perLanguage = (text: RegistrationField["label"], first: Language): PerLanguage =>
  typeof text === "string" ? { [first]: text } : { ...text };

export function draftOf(fields: readonly RegistrationField[], first: Language): Draft {
  let nextId = 1;
  const draftFields = fields.map((f): DraftField => {
    const options =
      f.kind === "choice" || f.kind === "multi-choice"
        ? f.options.map((value) => ({
            id: nextId++,
            value,
            // An option without a label reads as its value on the form: the editor shows that.
            labels: perLanguage(f.optionLabels?.[value] ?? value, first),
            saved: true,
          }))
        : [];
    return {
      id: nextId++,
      kind: f.kind,
      key: f.key,
      saved: true,
      label: perLanguage(f.label, first),
      required: f.required,
      ...(f.kind === "text" && f.maxLength !== undefined ? { maxLength: f.maxLength } : {}),
      options,
    };
  });
  return { fields: draftFields, first, retired: [], nextId };
}

/** Keys of new questions follow their labels; saved keys and every other key stay as they are. */
function rekey(draft: Draft, field: DraftField): DraftField {
  if (field.saved) return field;
  const taken = [
    ...RESERVED_KEYS,
    ...draft.retired,
    ...draft.fields.filter((f) => f.id !== field.id).map((f) => f.key),
  ];
  return { ...field, key: uniqueKey(slugOf(sourceText(field.label, draft.first), "question"), taken) };
}

function revalue(draft: Draft, field: DraftField, option: DraftOption): DraftOption {
  if (option.saved) return option;
  const taken = field.options.filter((o) => o.id !== option.id).map((o) => o.value);
  return { ...option, value: uniqueKey(slugOf(sourceText(option.labels, draft.first), "option"), taken) };
}

function moved<T extends { id: number }>(list: readonly T[], id: number, by: -1 | 1): T[] {
  const from = list.findIndex((x) => x.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

export function reduce(draft: Draft, action: DraftAction): Draft {
  const withField = (id: number, change: (f: DraftField) => DraftField): Draft => ({
    ...draft,
    fields: draft.fields.map((f) => (f.id === id ? change(f) : f)),
  });
  const newOption = (id: number): DraftOption => ({ id, value: "", labels: {}, saved: false });
  switch (action.type) {
    case "add": {
      const choices = action.kind === "choice" || action.kind === "multi-choice";
      const field: DraftField = {
        id: draft.nextId,
        kind: action.kind,
        key: "",
        saved: false,
        label: {},
        required: false,
        options: choices ? [newOption(draft.nextId + 1), newOption(draft.nextId + 2)] : [],
      };
      const next = { ...draft, nextId: draft.nextId + 3 };
      const keyed = rekey({ ...next, fields: [...draft.fields, field] }, field);
      const options: DraftOption[] = [];
      for (const o of keyed.options) options.push(revalue(draft, { ...keyed, options: [...options] }, o));
      return { ...next, fields: [...draft.fields, { ...keyed, options }] };
    }
    case "remove": {
      const gone = draft.fields.find((f) => f.id === action.id);
      if (!gone) return draft;
      return {
        ...draft,
        fields: draft.fields.filter((f) => f.id !== action.id),
        retired: gone.saved ? [...draft.retired, gone.key] : draft.retired,
      };
    }
    case "move":
      return { ...draft, fields: moved(draft.fields, action.id, action.by) };
    case "label":
      return withField(action.id, (f) => rekey(draft, { ...f, label: { ...f.label, [action.lang]: action.text } }));
    case "required":
      return withField(action.id, (f) => ({ ...f, required: action.required }));
    case "maxLength":
      return withField(action.id, ({ maxLength: _, ...f }) =>
        action.maxLength === undefined ? f : { ...f, maxLength: action.maxLength },
      );
    case "addOption":
      return {
        ...withField(action.id, (f) => {
          const option = newOption(draft.nextId);
          return { ...f, options: [...f.options, revalue(draft, { ...f, options: [...f.options, option] }, option)] };
        }),
        nextId: draft.nextId + 1,
      };
    case "removeOption":
      return withField(action.id, (f) => ({ ...f, options: f.options.filter((o) => o.id !== action.optionId) }));
    case "moveOption":
      return withField(action.id, (f) => ({ ...f, options: moved(f.options, action.optionId, action.by) }));
    case "optionLabel":
      return withField(action.id, (f) => ({
        ...f,
        options: f.options.map((o) =>
          o.id === action.optionId
            ? revalue(draft, f, { ...o, labels: { ...o.labels, [action.lang]: action.text } })
            : o,
        ),
      }));
    default:
      return action satisfies never;
  }
}

/** Only the languages with a text: an empty one falls back to the event's first language on the form. */
const filled = (labels: PerLanguage): PerLanguage =>
  Object.fromEntries(Object.entries(labels).filter(([, t]) => t !== undefined && t.trim() !== "")) as PerLanguage;

/** The form as the API takes it (and as the preview shows it). */
export function fieldsOf(draft: Draft): RegistrationField[] {
  return draft.fields.map((f): RegistrationField => {
    const base = { key: f.key, label: filled(f.label), required: f.required };
    switch (f.kind) {
      case "text":
        return { kind: "text", ...base, ...(f.maxLength !== undefined ? { maxLength: f.maxLength } : {}) };
      case "consent":
        return { kind: "consent", ...base };
      case "choice":
      case "multi-choice": {
        const optionLabels = Object.fromEntries(
          f.options.filter((o) => Object.keys(filled(o.labels)).length > 0).map((o) => [o.value, filled(o.labels)]),
        );
        return { kind: f.kind, ...base, options: f.options.map((o) => o.value), optionLabels };
      }
      default:
        return f.kind satisfies never;
    }
  });
}

/** Whether the draft differs from what is saved. */
export const changed = (draft: Draft, saved: readonly RegistrationField[]): boolean =>
  JSON.stringify(fieldsOf(draft)) !== JSON.stringify(fieldsOf(draftOf(saved, draft.first)));

export type Problem =
  | "tooManyFields"
  | "labelMissing"
  | "labelTooLong"
  | "optionsMissing"
  | "tooManyOptions"
  | "optionLabelMissing"
  | "optionLabelTooLong"
  | "maxLength";

/**
 * What the API would refuse, found before sending and named by the same paths it uses
 * (`fields.2.label`, `fields.2.options.1`), so both show at the question they are about.
 */
export function problemsOf(draft: Draft): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  if (draft.fields.length > 30) problems.fields = "tooManyFields";
  draft.fields.forEach((f, i) => {
    const texts = Object.values(filled(f.label)) as string[];
    if (texts.length === 0) problems[`fields.${i}.label`] = "labelMissing";
    else if (texts.some((t) => t.trim().length > 200)) problems[`fields.${i}.label`] = "labelTooLong";
    if (f.maxLength !== undefined && !(Number.isInteger(f.maxLength) && f.maxLength >= 1 && f.maxLength <= 2000)) {
      problems[`fields.${i}.maxLength`] = "maxLength";
    }
    if (f.kind !== "choice" && f.kind !== "multi-choice") return;
    if (f.options.length === 0) problems[`fields.${i}.options`] = "optionsMissing";
    else if (f.options.length > 50) problems[`fields.${i}.options`] = "tooManyOptions";
    f.options.forEach((o, j) => {
      const labels = Object.values(filled(o.labels)) as string[];
      if (labels.length === 0) problems[`fields.${i}.options.${j}`] = "optionLabelMissing";
      else if (labels.some((t) => t.trim().length > 100)) problems[`fields.${i}.options.${j}`] = "optionLabelTooLong";
    });
  });
  return problems;
}

/** The question a problem path (ours or the server's, `fields.2.optionLabels.vip.nl`) is about. */
export function fieldIndexOf(path: string): number | undefined {
  const match = /^fields\.(\d+)(?:\.|$)/.exec(path);
  return match ? Number(match[1]) : undefined;
}
