import type { JSX } from "solid-js";
import { t } from "../i18n";
import { LanguageSwitch } from "./LanguageSwitch";

/** Page frame: skip link, header with the app name and language switch, and the main landmark. */
export function Shell(props: { title?: string; aside?: JSX.Element; children: JSX.Element }) {
  return (
    <>
      <a class="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header class="topbar">
        <span class="brand">{t("app.name")}</span>
        <span class="topbar-title">{props.title}</span>
        <span class="topbar-aside">{props.aside}</span>
        <LanguageSwitch />
      </header>
      <main id="main" tabindex="-1">
        {props.children}
      </main>
    </>
  );
}
