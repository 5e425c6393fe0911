import { createMemo, createSignal, For, Show } from "solid-js";
import type { AdminBranding, BrandingColours } from "../../../../../core/contract/branding";
import {
  AA_TEXT,
  type BrandingField,
  backgroundRatio,
  checkBranding,
  contrastRatio,
  brandTheme,
  ratioText,
  textOn,
} from "../../../../../core/rules/contrast";
import { ApiFailure } from "../../../lib/api";
import { adminApi } from "../../api";
import { errorText } from "../../errors";
import { ta } from "../../i18n";
import { ColourField } from "./ColourField";
import { Preview } from "./Preview";
import { Swatch } from "./Swatch";

/** What the pickers start from on an unbranded event: Foyer's own light scheme. */
const FOYER: BrandingColours = { accent: "#1f3a5f", background: "#f6f7f9" };
const FIELDS: readonly BrandingField[] = ["accent", "background"];

/**
 * The accent and background with their contrast worked out as they are picked (the same rule the
 * server refuses with), the nearest passing colour offered with one click, a live preview, and
 * save or go back to Foyer's colours.
 */
export function ColoursForm(props: {
  path: string;
  branding: AdminBranding;
  title: string;
  canEdit: boolean;
  onSaved: (b: AdminBranding) => void;
}) {
  const start = props.branding.colours ?? FOYER;
  const [accent, setAccent] = createSignal(start.accent);
  const [background, setBackground] = createSignal(start.background);
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal("");
  const colours = (): BrandingColours => ({ accent: accent(), background: background() });
  const problems = createMemo(() => checkBranding(colours()));
  const problemOf = (field: BrandingField) => problems().find((p) => p.field === field);
  const nameOf = (field: BrandingField) =>
    ta(field === "accent" ? "admin.branding.accent" : "admin.branding.background").toLowerCase();
  const set = (field: BrandingField, hex: string) => {
    setDone("");
    setError(undefined);
    (field === "accent" ? setAccent : setBackground)(hex);
  };
  /** What to say under a field the server refused: the live ratio in words, or the server's words. */
  const refusal = (field: BrandingField) => {
    const err = error();
    if (!(err instanceof ApiFailure) || !(field in err.fields)) return undefined;
    const p = problemOf(field);
    return p ? ta("admin.branding.tooLow", { colour: nameOf(field), ratio: ratioText(p.ratio) }) : err.fields[field];
  };
  const ratios = () => {
    const theme = brandTheme(colours());
    return [
      { key: "admin.branding.ratio.button", ratio: contrastRatio(accent(), textOn(accent())) },
      {
        key: "admin.branding.ratio.link",
        ratio: Math.min(contrastRatio(accent(), theme.bg), contrastRatio(accent(), theme.surface)),
      },
      { key: "admin.branding.ratio.text", ratio: backgroundRatio(background()) },
    ] as const;
  };

  async function save(next: BrandingColours | null) {
    setError(undefined);
    setDone("");
    setBusy(true);
    try {
      const saved = await adminApi<AdminBranding>(props.path, {
        method: "PUT",
        body: JSON.stringify(next ?? { accent: null, background: null }),
      });
      if (!next) {
        setAccent(FOYER.accent);
        setBackground(FOYER.background);
      }
      setDone(ta(next ? "admin.branding.saved" : "admin.branding.resetDone"));
      props.onSaved(saved);
    } catch (err) {
      setError(err);
      const first = FIELDS.find((f) => err instanceof ApiFailure && f in err.fields);
      if (first) document.getElementById(`branding-${first}`)?.focus();
    } finally {
      setBusy(false);
    }
  }

  const use = (field: BrandingField, hex: string) => {
    set(field, hex);
    // The offer goes away once taken: the field it changed is where the organizer goes on from.
    queueMicrotask(() => document.getElementById(`branding-${field}`)?.focus());
  };

  return (
    <section class="card" aria-labelledby="branding-colours-heading">
      <h2 id="branding-colours-heading">{ta("admin.branding.colours")}</h2>
      <Show when={!props.branding.colours}>
        <p class="muted">{ta("admin.branding.usingFoyer")}</p>
      </Show>
      <form
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          void save(colours());
        }}
      >
        <div class="branding-grid">
          <div>
            <ColourField
              id="branding-accent"
              label={ta("admin.branding.accent")}
              help={ta("admin.branding.accentHelp")}
              value={accent()}
              disabled={!props.canEdit}
              error={refusal("accent")}
              onChange={(hex) => set("accent", hex)}
            />
            <ColourField
              id="branding-background"
              label={ta("admin.branding.background")}
              help={ta("admin.branding.backgroundHelp")}
              value={background()}
              disabled={!props.canEdit}
              error={refusal("background")}
              onChange={(hex) => set("background", hex)}
            />
            <h3 id="branding-ratios">{ta("admin.branding.ratios")}</h3>
            <ul class="contrast-list" aria-labelledby="branding-ratios">
              <For each={ratios()}>
                {(r) => (
                  <li data-pass={r.ratio >= AA_TEXT ? "yes" : "no"}>
                    <span>{ta(r.key)}</span>
                    <span>
                      {ta(r.ratio >= AA_TEXT ? "admin.branding.pass" : "admin.branding.fail", {
                        ratio: ratioText(r.ratio),
                      })}
                    </span>
                  </li>
                )}
              </For>
            </ul>
            <div role="status">
              <For each={problems()}>
                {(p) => (
                  <div class="suggestion" data-field={p.field}>
                    <span>{ta("admin.branding.tooLow", { colour: nameOf(p.field), ratio: ratioText(p.ratio) })}</span>
                    <Show when={p.suggestion}>
                      {(hex) => (
                        <>
                          <span>
                            <Swatch hex={hex()} /> {ta("admin.branding.suggest", { hex: hex() })}
                          </span>
                          <Show when={props.canEdit}>
                            <button
                              type="button"
                              class="secondary"
                              aria-label={ta("admin.branding.useThisFor", { hex: hex(), colour: nameOf(p.field) })}
                              onClick={() => use(p.field, hex())}
                            >
                              {ta("admin.branding.useThis")}
                            </button>
                          </Show>
                        </>
                      )}
                    </Show>
                  </div>
                )}
              </For>
            </div>
          </div>
          <Preview colours={colours()} logoUrl={props.branding.logo?.url ?? null} title={props.title} />
        </div>
        <Show when={props.canEdit}>
          <div class="branding-actions">
            <button type="submit" class="primary" disabled={busy()}>
              {ta(busy() ? "admin.branding.saving" : "admin.branding.save")}
            </button>
            <Show when={props.branding.colours}>
              <button type="button" class="secondary" disabled={busy()} onClick={() => void save(null)}>
                {ta("admin.branding.reset")}
              </button>
            </Show>
          </div>
        </Show>
        <Show when={error()}>
          {(err) => (
            <p class="field-error" role="alert">
              {err() instanceof ApiFailure && (err() as ApiFailure).status === 422
                ? ta("admin.branding.refused")
                : errorText(err())}
            </p>
          )}
        </Show>
        <p role="status">{done()}</p>
      </form>
    </section>
  );
}
