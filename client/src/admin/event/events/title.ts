import type { AdminEvent } from "../../../../../core/contract/index";
import { textIn } from "../../../../../core/protocol/localized";
import { language } from "../../../i18n";

/** An event's title in the organizer's language, when they wrote it in several. */
export const titleOf = (e: AdminEvent) => textIn(e.title, language(), e.languages);
