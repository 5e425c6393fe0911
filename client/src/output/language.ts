import { Languages, type Language } from "../../../core/protocol/identity";

const isLanguage = (value: string | null | undefined): value is Language => Languages.includes(value as Language);

/**
 * The language of an output page's few words ("Votes: 2", "Answered: 5"). They go out on the
 * broadcast beside the event's own content, so they follow the event, not the producer who opened
 * the page (a Dutch producer running an English event); `?lang=nl|en` in the browser source's URL
 * overrides it. Undefined when neither is known (a signed-out page): the device's choice stands.
 */
export function outputLanguage(search: string, eventLanguage: string | undefined): Language | undefined {
  const asked = new URLSearchParams(search).get("lang");
  if (isLanguage(asked)) return asked;
  return isLanguage(eventLanguage) ? eventLanguage : undefined;
}
