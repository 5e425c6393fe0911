import type { RegistrationField } from "../../../../core/contract/index";

/**
 * The matrix filter in the moderator's language. People's attributes hold the form's option
 * values ("speaker"); a Dutch moderator reads and types the labels ("Spreker"). So the filter
 * suggests the form's own questions and labels, and turns what was typed back into values. Pure.
 */
type Field = RegistrationField<string>;
type ChoiceField = Extract<Field, { options: string[] }>;

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
const isChoice = (f: Field): f is ChoiceField => f.kind === "choice" || f.kind === "multi-choice";

/** The question an attribute names (by key or label); with none typed yet, the first with options. */
export function fieldFor(attribute: string, fields: readonly Field[]): ChoiceField | undefined {
  const choices = fields.filter(isChoice);
  if (attribute.trim() === "") return choices[0];
  return choices.find((f) => same(f.key, attribute) || same(f.label, attribute));
}

/** The attribute key to send for what was typed: a question's label means its key. */
export function attributeKey(attribute: string, fields: readonly Field[]): string {
  const field = attribute.trim() === "" ? undefined : fieldFor(attribute, fields);
  return field?.key ?? attribute.trim().toLowerCase();
}

/** "Standaard, VIP, Spreker": what to type, as the moderator reads it. */
export const valuesHint = (field: ChoiceField | undefined): string =>
  field ? field.options.map((o) => field.optionLabels?.[o] ?? o).join(", ") : "";

/** The values to match, from a comma-separated list of labels or values; anything else as typed. */
export function matrixValues(typed: string, field: ChoiceField | undefined): string[] {
  return typed
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "")
    .map((v) => field?.options.find((o) => same(o, v) || same(field.optionLabels?.[o] ?? o, v)) ?? v);
}
