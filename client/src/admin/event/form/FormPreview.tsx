import { createMemo, createSignal, For, Show } from "solid-js";
import type { AdminSession, PublicEvent, RegistrationField } from "../../../../../core/contract/index";
import type { Language } from "../../../../../core/protocol/identity";
import { textIn } from "../../../../../core/protocol/localized";
import { fieldIn } from "../../../../../core/rules/form";
import { catalogues, format, type MessageKey } from "../../../i18n";
import { RegisterForm, type Say } from "../../../pages/register/RegisterForm";
import type { ScopedEvent } from "../../access";
import { ta } from "../../i18n";

/**
 * The public registration form as it will look, drawn by the registration page's own component
 * from the unsaved questions, in any of the event's languages. Submitting checks the answers like
 * the real page, then says that nothing was sent.
 */
export function FormPreview(props: { event: ScopedEvent; fields: RegistrationField[]; sessions: AdminSession[] }) {
  const [lang, setLang] = createSignal<Language>(props.event.languages[0] ?? "en");
  const [submitted, setSubmitted] = createSignal(false);
  const inLang = () => (props.event.languages.includes(lang()) ? lang() : props.event.languages[0]!);

  // The form's own words (Name, Required, the error messages) in the previewed language too.
  const say: Say = (key: MessageKey, params) => {
    const template = catalogues[inLang()][key];
    return template === undefined ? key : format(template, params, inLang());
  };

  const publicEvent = createMemo((): PublicEvent => {
    const e = props.event;
    const l = inLang();
    return {
      slug: e.slug,
      title: textIn(e.title, l, e.languages),
      description: textIn(e.description, l, e.languages),
      timezone: e.timezone,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      startsAtLocal: e.startsAt,
      endsAtLocal: e.endsAt,
      defaultLanguage: e.defaultLanguage,
      languages: e.languages,
      language: l,
      registrationOpen: true,
      full: false,
      // The preview shows the form's questions; the Branding tab previews the colours.
      branding: { theme: null, logoUrl: null },
      fields: props.fields.map((f) => fieldIn(f, l, e.languages)),
      choices: props.sessions
        .filter((s) => s.selectable)
        .map((s) => ({
          id: s.id,
          kind: s.kind,
          title: textIn(s.title, l, e.languages),
          description: textIn(s.description, l, e.languages),
          startsAtLocal: s.startsAt,
          endsAtLocal: s.endsAt,
          full: false,
        })),
    };
  });

  return (
    <section class="form-preview" aria-labelledby="form-preview-heading">
      <h2 id="form-preview-heading">{ta("admin.form.preview.heading")}</h2>
      <p class="muted">{ta("admin.form.preview.intro")}</p>
      <Show when={props.event.languages.length > 1}>
        <fieldset class="form-preview-language">
          <legend>{ta("admin.form.preview.language")}</legend>
          <For each={props.event.languages}>
            {(l) => (
              <label class="check">
                <input
                  type="radio"
                  name="form-preview-language"
                  value={l}
                  checked={inLang() === l}
                  onChange={() => {
                    setLang(l);
                    setSubmitted(false);
                  }}
                />
                {ta(`admin.language.${l}`)}
              </label>
            )}
          </For>
        </fieldset>
      </Show>
      <div class="form-preview-frame" lang={inLang()}>
        <p class="form-preview-badge" aria-hidden="true">
          {ta("admin.form.preview.badge")}
        </p>
        <RegisterForm
          event={publicEvent()}
          onDone={() => undefined}
          preview={{ say, onSubmit: () => setSubmitted(true) }}
        />
      </div>
      <p role="status" class="form-preview-status">
        <Show when={submitted()}>{ta("admin.form.preview.submitted")}</Show>
      </p>
    </section>
  );
}
