import { language, t } from "../../i18n";

/** "3rd" in English, "3e" in Dutch: a place in the queue as people say it. */
export function ordinal(n: number): string {
  const form = new Intl.PluralRules(language(), { type: "ordinal" }).select(n);
  switch (form) {
    case "one":
      return t("hand.ordinal.one", { n });
    case "two":
      return t("hand.ordinal.two", { n });
    case "few":
      return t("hand.ordinal.few", { n });
    default:
      return t("hand.ordinal.other", { n });
  }
}
