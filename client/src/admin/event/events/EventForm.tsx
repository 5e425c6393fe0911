import { createSignal, For, type JSX, Show } from "solid-js";
import { Languages, type Language } from "../../../../../core/protocol/identity";
import { fromLocal, offsetLabel, timeZones } from "../../../../../core/rules/zoned-time";
import { errorText } from "../../errors";
import { type AdminKey, ta } from "../../i18n";
import { type DraftField, type EventDraft, firstProblem, problemsOf, serverProblems, slugFrom } from "./draft";
import "./events.css";

type Problems = Partial<Record<DraftField, AdminKey | string>>;

const said = (p: AdminKey | string) => (p.startsWith("admin.") ? ta(p as AdminKey) : p);

/**
 * An event's details, for a new event and for an existing one. Checks what it can before sending,
 * shows the server's refusals at the fields they name, and moves focus to the first problem.
 */
export function EventForm(props: {
  id: string;
  initial: EventDraft;
  /** A new event: the slug follows the title until the organizer types one. */
  isNew?: boolean;
  readOnly?: boolean;
  submitLabel: AdminKey;
  onSubmit: (draft: EventDraft) => Promise<void>;
  children?: JSX.Element;
}) {
  const [draft, setDraft] = createSignal<EventDraft>(props.initial);
  const [problems, setProblems] = createSignal<Problems>({});
  const [general, setGeneral] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const [slugTouched, setSlugTouched] = createSignal(!props.isNew);
  const zones = timeZones();
  const idOf = (f: DraftField) => `${props.id}-${f.replace(".", "-")}`;

  const set = <K extends keyof EventDraft>(key: K, value: EventDraft[K]) => {
    setDraft({ ...draft(), [key]: value });
    // A problem goes away as soon as the field it names is changed.
    const cleared = { ...problems() };
    for (const f of Object.keys(cleared) as DraftField[]) if (f.split(".")[0] === fieldKeyOf(key)) delete cleared[f];
    setProblems(cleared);
  };

  const setText = (key: "title" | "description", lang: Language, value: string) => {
    const next = { ...draft()[key], [lang]: value };
    set(key, next);
    if (key === "title" && lang === draft().languages[0] && !slugTouched()) {
      setDraft({ ...draft(), slug: slugFrom(value) });
    }
  };

  const setLanguages = (chosen: Language[], first: Language | undefined) => {
    const rest = chosen.filter((l) => l !== first);
    set("languages", first && chosen.includes(first) ? [first, ...rest] : chosen);
  };

  function focusFirst(found: Problems) {
    const first = firstProblem(found);
    if (first) document.getElementById(idOf(first))?.focus();
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setGeneral(undefined);
    const local = problemsOf(draft());
    setProblems(local);
    if (Object.keys(local).length > 0) return focusFirst(local);
    setBusy(true);
    try {
      await props.onSubmit(draft());
    } catch (err) {
      const found = serverProblems(err);
      setProblems(found);
      if (Object.keys(found).length > 0) focusFirst(found);
      else setGeneral(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const problem = (f: DraftField) => problems()[f];
  const invalid = (f: DraftField) => (problem(f) ? "true" : undefined);
  const describedBy = (f: DraftField, hint?: boolean) =>
    [problem(f) ? `${idOf(f)}-error` : "", hint ? `${idOf(f)}-hint` : ""].filter(Boolean).join(" ") || undefined;
  const ErrorFor = (p: { field: DraftField }) => (
    <Show when={problem(p.field)}>
      {(message) => (
        <p class="field-error" id={`${idOf(p.field)}-error`}>
          {said(message())}
        </p>
      )}
    </Show>
  );
  const offsetAt = (local: string) => {
    const t = fromLocal(local, draft().timezone);
    return t === undefined ? "" : offsetLabel(t, draft().timezone);
  };
  const zoneLabel = (local: string) => ta("admin.events.zoneHint", { zone: draft().timezone, offset: offsetAt(local) });

  return (
    <form class="event-form" onSubmit={submit} novalidate aria-busy={busy() ? "true" : undefined}>
      <fieldset class="event-form-grid" disabled={props.readOnly}>
        <For each={draft().languages}>
          {(lang) => (
            <div class="field">
              <label for={idOf(`title.${lang}`)}>
                {ta("admin.events.title", { language: ta(`admin.language.${lang}`) })}
              </label>
              <input
                id={idOf(`title.${lang}`)}
                type="text"
                maxLength={200}
                required={lang === draft().languages[0]}
                value={draft().title[lang] ?? ""}
                onInput={(e) => setText("title", lang, e.currentTarget.value)}
                aria-invalid={invalid(`title.${lang}`)}
                aria-describedby={describedBy(`title.${lang}`)}
              />
              <ErrorFor field={`title.${lang}`} />
            </div>
          )}
        </For>
        <div class="field">
          <label for={idOf("slug")}>{ta("admin.events.slug")}</label>
          <input
            id={idOf("slug")}
            type="text"
            maxLength={64}
            required
            autocapitalize="off"
            spellcheck={false}
            value={draft().slug}
            onInput={(e) => {
              setSlugTouched(true);
              set("slug", e.currentTarget.value.trim());
            }}
            aria-invalid={invalid("slug")}
            aria-describedby={describedBy("slug", true)}
          />
          <p class="muted hint" id={`${idOf("slug")}-hint`}>
            {ta("admin.events.slugHint", { path: `/e/${draft().slug || "…"}` })}
          </p>
          <ErrorFor field="slug" />
        </div>
        <div class="field">
          <label for={idOf("timezone")}>{ta("admin.events.timezone")}</label>
          <select
            id={idOf("timezone")}
            value={draft().timezone}
            onChange={(e) => set("timezone", e.currentTarget.value)}
            aria-invalid={invalid("timezone")}
            aria-describedby={describedBy("timezone")}
          >
            <Show when={!zones.includes(draft().timezone)}>
              <option value={draft().timezone}>{draft().timezone}</option>
            </Show>
            <For each={zones}>{(z) => <option value={z}>{z}</option>}</For>
          </select>
          <ErrorFor field="timezone" />
        </div>
        <For each={["startsAt", "endsAt"] as const}>
          {(f) => {
            const key = f === "startsAt" ? "starts" : "ends";
            return (
              <div class="field">
                <label for={idOf(f)}>{ta(f === "startsAt" ? "admin.events.starts" : "admin.events.ends")}</label>
                <input
                  id={idOf(f)}
                  type="datetime-local"
                  required
                  value={draft()[key]}
                  onInput={(e) => set(key, e.currentTarget.value)}
                  aria-invalid={invalid(f)}
                  aria-describedby={describedBy(f, true)}
                />
                <p class="muted hint" id={`${idOf(f)}-hint`}>
                  {zoneLabel(draft()[key])}
                </p>
                <ErrorFor field={f} />
              </div>
            );
          }}
        </For>
        <fieldset
          class="field"
          id={idOf("languages")}
          tabindex="-1"
          aria-invalid={invalid("languages")}
          aria-describedby={describedBy("languages")}
        >
          <legend>{ta("admin.events.languages")}</legend>
          <For each={Languages}>
            {(lang) => (
              <label class="check">
                <input
                  type="checkbox"
                  checked={draft().languages.includes(lang)}
                  onChange={(e) => {
                    const now = draft().languages;
                    const chosen = e.currentTarget.checked ? [...now, lang] : now.filter((l) => l !== lang);
                    setLanguages(chosen, now[0] && chosen.includes(now[0]) ? now[0] : chosen[0]);
                  }}
                />
                {ta(`admin.language.${lang}`)}
              </label>
            )}
          </For>
          <ErrorFor field="languages" />
        </fieldset>
        <Show when={draft().languages.length > 1}>
          <div class="field">
            <label for={`${props.id}-default-language`}>{ta("admin.events.defaultLanguage")}</label>
            <select
              id={`${props.id}-default-language`}
              value={draft().languages[0]}
              onChange={(e) => setLanguages(draft().languages, e.currentTarget.value as Language)}
            >
              <For each={draft().languages}>{(l) => <option value={l}>{ta(`admin.language.${l}`)}</option>}</For>
            </select>
          </div>
        </Show>
        <div class="field">
          <label for={idOf("inviteLeadMinutes")}>{ta("admin.events.lead")}</label>
          <input
            id={idOf("inviteLeadMinutes")}
            type="number"
            inputmode="numeric"
            min="0"
            max="43200"
            step="1"
            value={draft().inviteLeadMinutes}
            onInput={(e) => set("inviteLeadMinutes", e.currentTarget.value)}
            aria-invalid={invalid("inviteLeadMinutes")}
            aria-describedby={describedBy("inviteLeadMinutes", true)}
          />
          <p class="muted hint" id={`${idOf("inviteLeadMinutes")}-hint`}>
            {ta("admin.events.leadHint")}
          </p>
          <ErrorFor field="inviteLeadMinutes" />
        </div>
        <div class="field">
          <label class="check">
            <input
              id={idOf("registrationOpen")}
              type="checkbox"
              checked={draft().registrationOpen}
              onChange={(e) => set("registrationOpen", e.currentTarget.checked)}
            />
            {ta("admin.events.registrationOpen")}
          </label>
          <ErrorFor field="registrationOpen" />
        </div>
        <div class="field">
          <label for={idOf("capacity")}>{ta("admin.events.capacity")}</label>
          <input
            id={idOf("capacity")}
            type="number"
            inputmode="numeric"
            min="1"
            step="1"
            value={draft().capacity}
            onInput={(e) => set("capacity", e.currentTarget.value)}
            aria-invalid={invalid("capacity")}
            aria-describedby={describedBy("capacity", true)}
          />
          <p class="muted hint" id={`${idOf("capacity")}-hint`}>
            {ta("admin.events.capacityHint")}
          </p>
          <ErrorFor field="capacity" />
        </div>
        <For each={draft().languages}>
          {(lang) => (
            <div class="field wide">
              <label for={idOf(`description.${lang}`)}>
                {ta("admin.events.description", { language: ta(`admin.language.${lang}`) })}
              </label>
              <textarea
                id={idOf(`description.${lang}`)}
                rows={4}
                maxLength={5000}
                value={draft().description[lang] ?? ""}
                onInput={(e) => setText("description", lang, e.currentTarget.value)}
                aria-invalid={invalid(`description.${lang}`)}
                aria-describedby={describedBy(`description.${lang}`)}
              />
              <ErrorFor field={`description.${lang}`} />
            </div>
          )}
        </For>
      </fieldset>
      <p role="alert" class="field-error">
        {general() ?? ""}
      </p>
      <Show when={!props.readOnly}>
        <div class="event-form-actions">
          <button type="submit" disabled={busy()}>
            {ta(props.submitLabel)}
          </button>
          {props.children}
        </div>
      </Show>
    </form>
  );
}

/** The form fields a draft key feeds (`starts` → `startsAt`), for clearing their problems. */
function fieldKeyOf(key: keyof EventDraft): string {
  switch (key) {
    case "starts":
      return "startsAt";
    case "ends":
      return "endsAt";
    default:
      return key;
  }
}
