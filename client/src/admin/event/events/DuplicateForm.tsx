import { createSignal, For, onMount, Show } from "solid-js";
import type { AdminEvent } from "../../../../../core/contract/index";
import type { Language } from "../../../../../core/protocol/identity";
import type { PerLanguage } from "../../../../../core/protocol/localized";
import { fromLocal, offsetLabel, toLocal } from "../../../../../core/rules/zoned-time";
import { adminPost } from "../../api";
import { errorText } from "../../errors";
import { ta } from "../../i18n";
import { serverProblems, SLUG } from "./draft";
import { titleOf } from "./title";
import "./events.css";

type Field = "title" | "slug" | "startsAt";

/**
 * Copy an event under a new address and start: the server copies its settings, form, programme
 * and prepared items (moved to the new start), never its people.
 */
export function DuplicateForm(props: { event: AdminEvent; onDone: (copy: AdminEvent) => void; onCancel: () => void }) {
  const e = props.event;
  const first = e.languages[0] ?? e.defaultLanguage;
  const original: PerLanguage = typeof e.title === "string" ? { [first]: e.title } : e.title;
  const [title, setTitle] = createSignal<PerLanguage>({ ...original });
  const [slug, setSlug] = createSignal(`${e.slug}-copy`.slice(0, 64));
  const [starts, setStarts] = createSignal(toLocal(Date.parse(e.startsAt), e.timezone));
  const [problems, setProblems] = createSignal<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  let heading!: HTMLHeadingElement;
  onMount(() => heading.focus());

  const idOf = (f: string) => `duplicate-${f.replace(".", "-")}`;
  const order: string[] = [`title.${first}`, "slug", "startsAt"];

  async function submit(ev: SubmitEvent) {
    ev.preventDefault();
    setGeneral(undefined);
    const found: Partial<Record<Field, string>> = {};
    if (!title()[first]?.trim()) found.title = ta("admin.events.error.title");
    if (!SLUG.test(slug()) || slug().startsWith("evt_")) found.slug = ta("admin.events.error.slug");
    const at = fromLocal(starts(), e.timezone);
    if (at === undefined) found.startsAt = ta("admin.events.error.time");
    setProblems(found);
    if (Object.keys(found).length > 0) {
      const target = found.title ? `title.${first}` : (order.find((f) => f in found) ?? "slug");
      return document.getElementById(idOf(target))?.focus();
    }
    setBusy(true);
    try {
      const texts = Object.fromEntries(
        e.languages.flatMap((l) => (title()[l]?.trim() ? [[l, title()[l]!.trim()]] : [])),
      );
      const copy = await adminPost<AdminEvent>(`/api/admin/events/${encodeURIComponent(e.id)}/duplicate`, {
        slug: slug(),
        title: texts,
        startsAt: new Date(at!).toISOString(),
      });
      props.onDone(copy);
    } catch (err) {
      const server = serverProblems(err);
      const mapped: Partial<Record<Field, string>> = {};
      for (const [k, v] of Object.entries(server)) {
        const f = (k.startsWith("title") ? "title" : k) as Field;
        if (f === "title" || f === "slug" || f === "startsAt")
          mapped[f] ??= v.startsWith("admin.") ? ta(v as never) : v;
      }
      setProblems(mapped);
      const target = mapped.title ? `title.${first}` : order.find((f) => f in mapped);
      if (target) document.getElementById(idOf(target))?.focus();
      else setGeneral(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const Err = (p: { field: Field; id: string }) => (
    <Show when={problems()[p.field]}>
      {(m) => (
        <p class="field-error" id={`${p.id}-error`}>
          {m()}
        </p>
      )}
    </Show>
  );
  const offset = () => {
    const at = fromLocal(starts(), e.timezone);
    return at === undefined ? "" : offsetLabel(at, e.timezone);
  };

  return (
    <section class="card duplicate-form" aria-labelledby="duplicate-heading">
      <h2 id="duplicate-heading" ref={heading} tabindex="-1">
        {ta("admin.events.duplicateHeading", { title: titleOf(e) })}
      </h2>
      <p class="muted">{ta("admin.events.duplicateIntro")}</p>
      <form onSubmit={submit} novalidate>
        <For each={e.languages}>
          {(lang: Language) => (
            <div class="field">
              <label for={idOf(`title.${lang}`)}>
                {ta("admin.events.title", { language: ta(`admin.language.${lang}`) })}
              </label>
              <input
                id={idOf(`title.${lang}`)}
                type="text"
                maxLength={200}
                value={title()[lang] ?? ""}
                onInput={(ev) => setTitle({ ...title(), [lang]: ev.currentTarget.value })}
                aria-invalid={lang === first && problems().title ? "true" : undefined}
                aria-describedby={lang === first && problems().title ? `${idOf(`title.${lang}`)}-error` : undefined}
              />
              <Show when={lang === first}>
                <Err field="title" id={idOf(`title.${lang}`)} />
              </Show>
            </div>
          )}
        </For>
        <div class="field">
          <label for={idOf("slug")}>{ta("admin.events.slug")}</label>
          <input
            id={idOf("slug")}
            type="text"
            maxLength={64}
            autocapitalize="off"
            spellcheck={false}
            value={slug()}
            onInput={(ev) => setSlug(ev.currentTarget.value.trim())}
            aria-invalid={problems().slug ? "true" : undefined}
            aria-describedby={problems().slug ? `${idOf("slug")}-error` : undefined}
          />
          <Err field="slug" id={idOf("slug")} />
        </div>
        <div class="field">
          <label for={idOf("startsAt")}>{ta("admin.events.copyStarts")}</label>
          <input
            id={idOf("startsAt")}
            type="datetime-local"
            value={starts()}
            onInput={(ev) => setStarts(ev.currentTarget.value)}
            aria-invalid={problems().startsAt ? "true" : undefined}
            aria-describedby={`${idOf("startsAt")}-hint${problems().startsAt ? ` ${idOf("startsAt")}-error` : ""}`}
          />
          <p class="muted hint" id={`${idOf("startsAt")}-hint`}>
            {ta("admin.events.zoneHint", { zone: e.timezone, offset: offset() })}
          </p>
          <Err field="startsAt" id={idOf("startsAt")} />
        </div>
        <p role="alert" class="field-error">
          {general() ?? ""}
        </p>
        <div class="event-form-actions">
          <button type="submit" disabled={busy()}>
            {ta("admin.events.duplicateSubmit")}
          </button>
          <button type="button" class="secondary" onClick={props.onCancel}>
            {ta("admin.events.cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}
