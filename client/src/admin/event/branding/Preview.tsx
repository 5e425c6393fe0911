import { createEffect, Show } from "solid-js";
import { brandTheme, type BrandingColours } from "../../../../../core/rules/contrast";
import { t } from "../../../i18n";
import { applyTheme } from "../../../lib/branding";
import { ta } from "../../i18n";

/**
 * A portal header, some text, a link and a button in the chosen colours: the page's own
 * stylesheet variables set on this box only, so what it shows is what the portal will do.
 */
export function Preview(props: { colours: BrandingColours; logoUrl: string | null; title: string }) {
  let box!: HTMLDivElement;
  createEffect(() => applyTheme(brandTheme(props.colours), box));
  return (
    <section class="branding-preview-wrap" aria-labelledby="branding-preview-heading">
      <h3 id="branding-preview-heading">{ta("admin.branding.preview")}</h3>
      <div class="branding-preview" ref={box} data-testid="branding-preview">
        <div class="topbar">
          <Show when={props.logoUrl} fallback={<span class="brand">{t("app.name")}</span>}>
            {(src) => <img class="brand-logo" src={src()} alt={ta("admin.branding.logoAlt", { event: props.title })} />}
          </Show>
          <span class="topbar-title">{props.title}</span>
        </div>
        <div class="branding-preview-body">
          <p>{ta("admin.branding.previewText")}</p>
          <p>
            {/* A link that goes nowhere: it shows the colour, and is not a way out of the console. */}
            <a href="#branding-preview-heading">{ta("admin.branding.previewLink")}</a>
          </p>
          <div class="card">
            {/* Looks like the portal's button; it is a picture of one, so nothing to press here. */}
            <span class="preview-button">{ta("admin.branding.previewButton")}</span>
          </div>
        </div>
      </div>
    </section>
  );
}
