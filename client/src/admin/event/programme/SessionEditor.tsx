import { createSignal, createUniqueId, For, type JSX, onMount, Show } from "solid-js";
import type { AdminEvent, AdminSession, AudienceRule, PerLanguage } from "../../../../../core/contract/index";
import { SessionKinds, type SessionKind } from "../../../../../core/protocol/identity";
import { ApiFailure } from "../../../lib/api";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { errorText } from "../../errors";
import { ta } from "../../i18n";
import { AudienceEditor } from "./AudienceEditor";
import { spanOf } from "./store";
import { instantOf, localInput, type Span } from "./timeline";
import { sessionTitle } from "./Timeline";

const FORM_FIELDS = [
  "kind",
  "title",
  "description",
  "startsAt",
  "endsAt",
  "capacity",
  "selectable",
  "parentSessionId",
  "audience",
];

const perLanguage = (text: AdminSession["title"] | undefined, lang: string, first: string): string =>
  text === undefined
    ? ""
    : typeof text === "string"
      ? lang === first
        ? text
        : ""
      : ((text as PerLanguage)[lang as "en"] ?? "");

/**
 * A session's form: everything about it, with times on the event's clock. Saving sends the whole
 * session; the server's refusals show next to the field they name.
 */
export function SessionEditor(props: {
  event: AdminEvent;
  session: AdminSession | undefined;
  sessions: readonly AdminSession[];
  defaultSpan: Span;
  canEdit: boolean;
  canCount: boolean;
  onSave: (body: Record<string, unknown>) => Promise<unknown>;
  onDelete: () => Promise<void>;
  onClose: () => void;
}) {
  const id = createUniqueId();
  const tz = () => props.event.timezone;
  const langs = () => props.event.languages;
  const s = props.session;
  const span = s ? spanOf(s) : props.defaultSpan;
  const [kind, setKind] = createSignal<SessionKind>(s?.kind ?? "breakout");
  const [titles, setTitles] = createSignal<Record<string, string>>(
    Object.fromEntries(langs().map((l) => [l, perLanguage(s?.title, l, langs()[0]!)])),
  );
  const [descriptions, setDescriptions] = createSignal<Record<string, string>>(
    Object.fromEntries(langs().map((l) => [l, perLanguage(s?.description, l, langs()[0]!)])),
  );
  const [starts, setStarts] = createSignal(localInput(span.startsAt, tz()));
  const [ends, setEnds] = createSignal(localInput(span.endsAt, tz()));
  const [capacity, setCapacity] = createSignal(s?.capacity ? String(s.capacity) : "");
  const [selectable, setSelectable] = createSignal(s?.selectable ?? false);
  const [parent, setParent] = createSignal(s?.parentSessionId ?? "");
  const [audience, setAudience] = createSignal<AudienceRule>(s?.audience ?? { kind: "everyone" });
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const [confirming, setConfirming] = createSignal(false);
  let heading!: HTMLHeadingElement;
  onMount(() => heading.focus());

  const fieldError = (field: string): string | undefined => {
    const err = error();
    if (!(err instanceof ApiFailure)) return undefined;
    const key = Object.keys(err.fields).find((f) => f === field || f.startsWith(`${field}.`));
    return key ? err.fields[key] : undefined;
  };
  const generalError = () => {
    const err = error();
    if (!err) return undefined;
    if (err instanceof ApiFailure && Object.keys(err.fields).some((f) => FORM_FIELDS.includes(f.split(".")[0]!)))
      return undefined;
    return errorText(err);
  };
  const texts = (values: Record<string, string>) => {
    const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ""));
    return Object.keys(given).length > 0 ? given : "";
  };
  const stages = () => props.sessions.filter((x) => x.kind === "stage" && x.id !== s?.id);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const toIso = (local: string) => {
      const at = instantOf(local, tz());
      return Number.isNaN(at) ? local : new Date(at).toISOString();
    };
    try {
      await props.onSave({
        kind: kind(),
        title: texts(titles()),
        description: texts(descriptions()),
        startsAt: toIso(starts()),
        endsAt: toIso(ends()),
        capacity: capacity().trim() === "" ? null : Number(capacity()),
        selectable: selectable(),
        parentSessionId: kind() === "stream-room" && parent() ? parent() : null,
        audience: audience(),
      });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (field: string, control: string): JSX.Element => (
    <Show when={fieldError(field)}>
      {(text) => (
        <p id={`${control}-error`} class="field-error">
          {text()}
        </p>
      )}
    </Show>
  );
  const described = (field: string, control: string) => (fieldError(field) ? `${control}-error` : undefined);

  return (
    <section class="card pg-editor" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={heading} tabindex="-1">
        {s ? ta("admin.programme.editor.edit", { title: sessionTitle(s, langs()) }) : ta("admin.programme.editor.new")}
      </h2>
      <form onSubmit={submit} novalidate>
        <fieldset class="pg-form" disabled={!props.canEdit || busy()}>
          <div class="field">
            <label for={`${id}-kind`}>{ta("admin.programme.field.kind")}</label>
            <select id={`${id}-kind`} value={kind()} onChange={(e) => setKind(e.currentTarget.value as SessionKind)}>
              <For each={SessionKinds}>{(k) => <option value={k}>{ta(`admin.programme.kind.${k}`)}</option>}</For>
            </select>
          </div>
          <For each={langs()}>
            {(lang, i) => {
              const control = `${id}-title-${lang}`;
              const field = () =>
                i() === 0 && fieldError("title") && !fieldError(`title.${lang}`) ? "title" : `title.${lang}`;
              return (
                <div class="field">
                  <label for={control}>
                    {ta("admin.programme.field.title", { language: ta(`admin.language.${lang}`) })}
                  </label>
                  <input
                    id={control}
                    value={titles()[lang] ?? ""}
                    maxLength={200}
                    aria-invalid={fieldError(field()) ? "true" : undefined}
                    aria-describedby={described(field(), control)}
                    onInput={(e) => setTitles({ ...titles(), [lang]: e.currentTarget.value })}
                  />
                  {errorFor(field(), control)}
                </div>
              );
            }}
          </For>
          <For each={langs()}>
            {(lang) => (
              <div class="field">
                <label for={`${id}-desc-${lang}`}>
                  {ta("admin.programme.field.description", { language: ta(`admin.language.${lang}`) })}
                </label>
                <textarea
                  id={`${id}-desc-${lang}`}
                  rows={2}
                  value={descriptions()[lang] ?? ""}
                  onInput={(e) => setDescriptions({ ...descriptions(), [lang]: e.currentTarget.value })}
                />
              </div>
            )}
          </For>
          <div class="pg-times">
            <div class="field">
              <label for={`${id}-starts`}>{ta("admin.programme.field.starts", { zone: tz() })}</label>
              <input
                id={`${id}-starts`}
                type="datetime-local"
                step={300}
                value={starts()}
                aria-describedby={described("startsAt", `${id}-starts`)}
                onInput={(e) => setStarts(e.currentTarget.value)}
              />
              {errorFor("startsAt", `${id}-starts`)}
            </div>
            <div class="field">
              <label for={`${id}-ends`}>{ta("admin.programme.field.ends", { zone: tz() })}</label>
              <input
                id={`${id}-ends`}
                type="datetime-local"
                step={300}
                value={ends()}
                aria-describedby={described("endsAt", `${id}-ends`)}
                onInput={(e) => setEnds(e.currentTarget.value)}
              />
              {errorFor("endsAt", `${id}-ends`)}
            </div>
          </div>
          <div class="field">
            <label for={`${id}-capacity`}>{ta("admin.programme.field.capacity")}</label>
            <input
              id={`${id}-capacity`}
              type="number"
              min={1}
              inputmode="numeric"
              value={capacity()}
              aria-describedby={described("capacity", `${id}-capacity`)}
              onInput={(e) => setCapacity(e.currentTarget.value)}
            />
            {errorFor("capacity", `${id}-capacity`)}
          </div>
          <label class="pg-check">
            <input type="checkbox" checked={selectable()} onChange={(e) => setSelectable(e.currentTarget.checked)} />
            {ta("admin.programme.field.selectable")}
          </label>
          <Show when={kind() === "stream-room"}>
            <div class="field">
              <label for={`${id}-parent`}>{ta("admin.programme.field.parent")}</label>
              <select
                id={`${id}-parent`}
                value={parent()}
                aria-describedby={described("parentSessionId", `${id}-parent`)}
                onChange={(e) => setParent(e.currentTarget.value)}
              >
                <option value="">{ta("admin.programme.field.noParent")}</option>
                <Show when={parent() && !stages().some((x) => x.id === parent())}>
                  <option value={parent()}>{ta("admin.programme.field.removedParent")}</option>
                </Show>
                <For each={stages()}>{(x) => <option value={x.id}>{sessionTitle(x, langs())}</option>}</For>
              </select>
              {errorFor("parentSessionId", `${id}-parent`)}
            </div>
          </Show>
          <AudienceEditor
            eventId={props.event.id}
            rule={audience()}
            kind={kind()}
            sessionId={s?.id}
            fields={props.event.fields}
            languages={langs()}
            canCount={props.canCount}
            error={fieldError}
            onChange={setAudience}
          />
        </fieldset>
        <Show when={generalError()}>{(text) => <p role="alert">{text()}</p>}</Show>
        <div class="pg-actions">
          <Show when={props.canEdit}>
            <button type="submit" disabled={busy()}>
              {s ? ta("admin.programme.save") : ta("admin.programme.create")}
            </button>
          </Show>
          <button type="button" onClick={() => props.onClose()}>
            {ta("admin.programme.close")}
          </button>
          <Show when={props.canEdit && s}>
            <button type="button" class="danger" onClick={() => setConfirming(true)}>
              {ta("admin.programme.delete")}
            </button>
          </Show>
        </div>
      </form>
      <ConfirmDialog
        open={confirming()}
        title={ta("admin.programme.confirmDelete.title", { title: s ? sessionTitle(s, langs()) : "" })}
        body={ta("admin.programme.confirmDelete.body")}
        confirm={ta("admin.programme.confirmDelete.ok")}
        cancel={ta("admin.confirm.cancel")}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          setConfirming(false);
          try {
            await props.onDelete();
          } catch (err) {
            setError(err);
          }
        }}
      />
    </section>
  );
}
