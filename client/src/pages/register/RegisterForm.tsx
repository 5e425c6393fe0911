import { createContext, createSignal, For, Match, Show, Switch, useContext } from "solid-js";
import type { PublicEvent, RegistrationField, RegistrationResult } from "../../../../core/contract/index";
import type { Language } from "../../../../core/protocol/identity";
import { language, t as tPage } from "../../i18n";
import { formatTimeRange } from "../../i18n/time";
import { api, ApiFailure } from "../../lib/api";

type Answer = string | string[] | boolean;
type Problems = Record<string, string>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
/**
 * Says the form's own words (labels, errors). The page says them in the reader's language; the
 * organizer console's preview of this form, in the language it previews.
 */
export type Say = typeof tPage;
const SayIt = createContext<Say>(tPage);

/** Stable ids for inputs, so error messages can point at them. */
const idFor = (path: string) => `f-${path.replace(/[^a-z0-9]+/gi, "-")}`;

/**
 * The registration form. It checks what it can in the person's language before sending; whatever
 * the server still refuses comes back per field and is shown next to that field and in a summary
 * that takes focus, so screen-reader users hear what to fix.
 */
export function RegisterForm(props: {
  event: PublicEvent;
  onDone: (r: RegistrationResult) => void;
  /**
   * The console's preview: the form's words in this language, and a form that checks what it can
   * but sends nothing (`onSubmit` is told instead).
   */
  preview?: { say: Say; onSubmit: () => void };
}) {
  const t: Say = (key, params) => (props.preview?.say ?? tPage)(key, params);
  const [name, setName] = createSignal("");
  const [email, setEmail] = createSignal("");
  // E-mails in the language the person reads the page in, if the event is held in it.
  const [lang, setLang] = createSignal<Language>(
    props.event.languages.includes(language()) ? language() : props.event.defaultLanguage,
  );
  const [answers, setAnswers] = createSignal<Record<string, Answer>>({});
  const [selections, setSelections] = createSignal<string[]>([]);
  const [problems, setProblems] = createSignal<Problems>({});
  const [general, setGeneral] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  let summary!: HTMLDivElement;

  const labelOf = (path: string) => {
    if (path === "name") return t("register.name");
    if (path === "email") return t("register.email");
    if (path === "selections") return t("register.sessions");
    if (path === "language") return t("register.language");
    const key = path.replace(/^answers\./, "");
    return props.event.fields.find((f) => f.key === key)?.label ?? key;
  };

  function check(): Problems {
    const found: Problems = {};
    if (!name().trim()) found.name = t("register.error.required", { label: t("register.name") });
    if (!email().trim()) found.email = t("register.error.required", { label: t("register.email") });
    else if (!EMAIL.test(email().trim())) found.email = t("register.error.email");
    for (const f of props.event.fields) {
      const value = answers()[f.key];
      const empty =
        value === undefined || value === "" || value === false || (Array.isArray(value) && value.length === 0);
      if (f.required && empty) {
        found[`answers.${f.key}`] =
          f.kind === "consent"
            ? t("register.error.consent", { label: f.label })
            : t("register.error.required", { label: f.label });
      }
    }
    return found;
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setGeneral(undefined);
    const local = check();
    setProblems(local);
    if (Object.keys(local).length > 0) return summary.focus();
    if (props.preview) return props.preview.onSubmit();
    setBusy(true);
    try {
      const result = await api<RegistrationResult>(
        `/api/events/${encodeURIComponent(props.event.slug)}/registrations`,
        {
          method: "POST",
          body: JSON.stringify({
            name: name(),
            email: email(),
            language: lang(),
            answers: answers(),
            selections: selections(),
          }),
        },
      );
      props.onDone(result);
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 422 && Object.keys(err.fields).length > 0) {
        setProblems(
          Object.fromEntries(
            Object.entries(err.fields).map(([path, message]) => [
              path,
              t("register.error.server", { label: labelOf(path), message }),
            ]),
          ),
        );
      } else if (err instanceof ApiFailure && err.status === 429) {
        setGeneral(t("register.error.rateLimited"));
      } else if (err instanceof ApiFailure && err.code === "event_full") {
        // The last place went while this person filled the form in.
        setGeneral(t("register.eventFull"));
      } else {
        setGeneral(t("register.error.failed", { reason: (err as Error).message }));
      }
      summary.focus();
    } finally {
      setBusy(false);
    }
  }

  const setAnswer = (key: string, value: Answer) => setAnswers({ ...answers(), [key]: value });
  const problemIds = () => Object.keys(problems());

  return (
    <SayIt.Provider value={t}>
      <form class="card narrow register-form" onSubmit={submit} novalidate aria-labelledby="register-heading">
        <h2 id="register-heading">{t("register.heading")}</h2>
        <p class="muted">{t("register.intro")}</p>
        <div
          ref={summary}
          tabindex="-1"
          role="alert"
          class="error-summary"
          hidden={!general() && problemIds().length === 0}
        >
          <Show when={general()}>{(g) => <p>{g()}</p>}</Show>
          <Show when={problemIds().length > 0}>
            <p>{t("register.errorSummary", { count: problemIds().length })}</p>
            <ul>
              <For each={problemIds()}>
                {(path) => (
                  <li>
                    <a href={`#${idFor(path)}`}>{problems()[path]}</a>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </div>

        <TextInput
          path="name"
          label={t("register.name")}
          required
          value={name()}
          onInput={setName}
          autocomplete="name"
          problem={problems().name}
        />
        <TextInput
          path="email"
          label={t("register.email")}
          required
          type="email"
          value={email()}
          onInput={setEmail}
          autocomplete="email"
          problem={problems().email}
        />
        <div class="field">
          <label for={idFor("language")}>{t("register.language")}</label>
          <select id={idFor("language")} value={lang()} onChange={(e) => setLang(e.currentTarget.value as Language)}>
            <For each={props.event.languages}>{(l) => <option value={l}>{t(`language.${l}`)}</option>}</For>
          </select>
        </div>

        <For each={props.event.fields}>
          {(field) => (
            <FieldInput
              field={field}
              value={answers()[field.key]}
              onChange={(v) => setAnswer(field.key, v)}
              problem={problems()[`answers.${field.key}`]}
            />
          )}
        </For>

        <Show when={props.event.choices.length > 0}>
          <fieldset
            class="field"
            id={idFor("selections")}
            aria-describedby={problems().selections ? `${idFor("selections")}-error` : undefined}
          >
            <legend>{t("register.sessions")}</legend>
            <For each={props.event.choices}>
              {(choice) => (
                <label class="check">
                  <input
                    type="checkbox"
                    disabled={choice.full && !selections().includes(choice.id)}
                    checked={selections().includes(choice.id)}
                    onChange={(e) =>
                      setSelections(
                        e.currentTarget.checked
                          ? [...selections(), choice.id]
                          : selections().filter((s) => s !== choice.id),
                      )
                    }
                  />
                  {choice.title}{" "}
                  <span class="muted">
                    {formatTimeRange(choice.startsAtLocal, choice.endsAtLocal, { timeZone: props.event.timezone })}
                  </span>
                  <Show when={choice.full}> {t("register.full")}</Show>
                </label>
              )}
            </For>
            <Problem path="selections" problem={problems().selections} />
          </fieldset>
        </Show>

        <button type="submit" disabled={busy()}>
          {busy() ? t("register.submitting") : t("register.submit")}
        </button>
      </form>
    </SayIt.Provider>
  );
}

function Problem(props: { path: string; problem: string | undefined }) {
  return (
    <Show when={props.problem}>
      <p class="field-error" id={`${idFor(props.path)}-error`}>
        {props.problem}
      </p>
    </Show>
  );
}

function TextInput(props: {
  path: string;
  label: string;
  required?: boolean;
  type?: string;
  value: string;
  onInput: (v: string) => void;
  autocomplete?: string;
  maxLength?: number;
  problem: string | undefined;
}) {
  const t = useContext(SayIt);
  return (
    <div class="field">
      <label for={idFor(props.path)}>
        {props.label}
        <Show when={props.required}>
          <span aria-hidden="true"> {t("register.required")}</span>
        </Show>
      </label>
      <input
        id={idFor(props.path)}
        type={props.type ?? "text"}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        required={props.required}
        aria-required={props.required ? "true" : undefined}
        aria-invalid={props.problem ? "true" : undefined}
        aria-describedby={props.problem ? `${idFor(props.path)}-error` : undefined}
        autocomplete={props.autocomplete}
        maxLength={props.maxLength}
      />
      <Problem path={props.path} problem={props.problem} />
    </div>
  );
}

function FieldInput(props: {
  field: RegistrationField<string>;
  value: Answer | undefined;
  onChange: (v: Answer) => void;
  problem: string | undefined;
}) {
  const t = useContext(SayIt);
  const path = () => `answers.${props.field.key}`;
  const described = () => (props.problem ? `${idFor(path())}-error` : undefined);
  const mark = () => (props.field.required ? <span aria-hidden="true"> {t("register.required")}</span> : null);
  return (
    <Switch>
      <Match when={props.field.kind === "text" && props.field}>
        {(f) => (
          <TextInput
            path={path()}
            label={f().label}
            required={f().required}
            value={(props.value as string) ?? ""}
            onInput={props.onChange}
            maxLength={"maxLength" in f() ? (f() as { maxLength?: number }).maxLength : undefined}
            problem={props.problem}
          />
        )}
      </Match>
      <Match when={(props.field.kind === "choice" || props.field.kind === "multi-choice") && props.field}>
        {(f) => {
          const multi = f().kind === "multi-choice";
          const choice = () => f() as { options: string[]; optionLabels?: Record<string, string> };
          // What the person reads is the option's label; what is sent and stored is its value.
          const labelOf = (option: string) => choice().optionLabels?.[option] ?? option;
          const chosen = () =>
            Array.isArray(props.value) ? props.value : typeof props.value === "string" ? [props.value] : [];
          return (
            <fieldset
              class="field"
              id={idFor(path())}
              aria-describedby={described()}
              aria-invalid={props.problem ? "true" : undefined}
            >
              <legend>
                {f().label}
                {mark()}
              </legend>
              <For each={choice().options}>
                {(option) => (
                  <label class="check">
                    <input
                      type={multi ? "checkbox" : "radio"}
                      name={path()}
                      value={option}
                      checked={chosen().includes(option)}
                      onChange={(e) =>
                        props.onChange(
                          multi
                            ? e.currentTarget.checked
                              ? [...chosen(), option]
                              : chosen().filter((o) => o !== option)
                            : option,
                        )
                      }
                    />
                    {labelOf(option)}
                  </label>
                )}
              </For>
              <Problem path={path()} problem={props.problem} />
            </fieldset>
          );
        }}
      </Match>
      <Match when={props.field.kind === "consent"}>
        <div class="field">
          <label class="check">
            <input
              id={idFor(path())}
              type="checkbox"
              checked={props.value === true}
              onChange={(e) => props.onChange(e.currentTarget.checked)}
              aria-invalid={props.problem ? "true" : undefined}
              aria-describedby={described()}
              aria-required={props.field.required ? "true" : undefined}
            />
            {props.field.label}
            {mark()}
          </label>
          <Problem path={path()} problem={props.problem} />
        </div>
      </Match>
    </Switch>
  );
}
