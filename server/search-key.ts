import type { AttributeValue } from "../core/contract/index";
import type { NetworkingSettings } from "../core/contract/networking";

/**
 * Directory search keys, a leaf module (types only besides this), so the demo seed that `npm start`
 * runs outside the worker can use it too.
 */

/** Lower case without accents, so "chloe" finds "Chloé". */
export const foldForSearch = (text: string): string => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

export function organisationOf(attributes: Record<string, AttributeValue>, key: string): string | null {
  const value = attributes[key];
  const text = Array.isArray(value) ? value.join(", ") : value;
  return text && text.trim() !== "" ? text.trim() : null;
}

export const searchKeyOf = (
  r: { name: string; attributes: Record<string, AttributeValue> },
  settings: Pick<NetworkingSettings, "organisationAttribute">,
): string => foldForSearch([r.name, organisationOf(r.attributes, settings.organisationAttribute) ?? ""].join(" "));
