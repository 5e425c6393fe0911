import { For, Index } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import type { Language } from "../../../../../core/protocol/identity";
import { ta } from "../../i18n";
import type { Draft } from "./draft";
import { type Errors, TextField } from "./fields";
import { translatable, translationPath } from "./translations";

/**
 * The item's texts in each of the event's other languages, one group per language, each field
 * labelled with the original it translates. All optional: a language left empty shows the original.
 */
export function TranslationFields(props: {
  languages: readonly Language[];
  draft: Draft;
  set: SetStoreFunction<Draft>;
  errors: Errors;
}) {
  return (
    <For each={props.languages}>
      {(lang) => {
        const language = () => ta(`admin.language.${lang}`);
        return (
          <fieldset class="prep-translation">
            <legend>{ta("admin.interactions.translation.legend", { language: language() })}</legend>
            <p class="muted">{ta("admin.interactions.translation.hint", { language: language() })}</p>
            {/* By position: typing an original relabels its translation's field rather than replacing it. */}
            <Index each={translatable(props.draft)}>
              {(t) => {
                const label = () => ta(t().label.key, t().label.params);
                return (
                  <TextField
                    path={translationPath(lang, t().path)}
                    label={
                      t().original.trim()
                        ? ta("admin.interactions.translation.fieldOf", {
                            label: label(),
                            language: language(),
                            original: t().original.trim(),
                          })
                        : ta("admin.interactions.translation.field", { label: label(), language: language() })
                    }
                    value={props.draft.translations[lang]?.[t().path] ?? ""}
                    maxlength={t().max}
                    errors={props.errors}
                    onInput={(v) => props.set("translations", lang, (texts) => ({ ...texts, [t().path]: v }))}
                  />
                );
              }}
            </Index>
          </fieldset>
        );
      }}
    </For>
  );
}
