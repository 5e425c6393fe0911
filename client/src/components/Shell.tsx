import { createEffect, onCleanup, Show, type JSX } from "solid-js";
import type { PublicBranding } from "../../../core/contract/branding";
import { t } from "../i18n";
import { applyTheme } from "../lib/branding";
import { LanguageSwitch } from "./LanguageSwitch";
import "./branding.css";

/**
 * Page frame: skip link, header with the app name (or the event's logo) and language switch, and
 * the main landmark. With `branding`, the page wears the event's colours while it is shown.
 */
export function Shell(props: {
  title?: string;
  aside?: JSX.Element;
  branding?: PublicBranding;
  children: JSX.Element;
}) {
  createEffect(() => applyTheme(props.branding?.theme));
  onCleanup(() => applyTheme(null));
  return (
    <>
      <a class="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header class="topbar">
        <Show when={props.branding?.logoUrl} fallback={<span class="brand">{t("app.name")}</span>}>
          {(src) => <img class="brand-logo" src={src()} alt={props.title ?? ""} />}
        </Show>
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
