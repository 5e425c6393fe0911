import { For } from "solid-js";
import { Languages, type Language } from "../../../core/protocol/identity";
import { language, setLanguage, t } from "../i18n";

export function LanguageSwitch() {
  return (
    <label class="language-switch">
      <span class="visually-hidden">{t("language.label")}</span>
      <select value={language()} onChange={(e) => setLanguage(e.currentTarget.value as Language)}>
        <For each={Languages}>{(lang) => <option value={lang}>{t(`language.${lang}`)}</option>}</For>
      </select>
    </label>
  );
}
