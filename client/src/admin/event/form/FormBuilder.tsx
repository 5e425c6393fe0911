import { createMemo, createSignal, For, Show } from "solid-js";
import type { AdminEvent, AdminSession, RegistrationField } from "../../../../../core/contract/index";
import { textIn } from "../../../../../core/protocol/localized";
import { sessionsUsing } from "../../../../../core/rules/form";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { language } from "../../../i18n";
import { ApiFailure } from "../../../lib/api";
import { adminPatch } from "../../api";
import { errorText } from "../../errors";
import { ta } from "../../i18n";
import { guardUnsaved } from "../../unsaved";
import {
  changed,
  type DraftAction,
  draftOf,
  FIELD_KINDS,
  type FieldKind,
  fieldIndexOf,
  fieldsOf,
  problemsOf,
  reduce,
} from "./draft";
import { controlId, FieldEditor } from "./FieldEditor";
import { FormPreview } from "./FormPreview";
import { serverFormProblems } from "./server-problems";
import "./form.css";

type Saved = AdminEvent & { sessions: AdminSession[] };

/** The questions, their editor and the preview; keeps the draft until it is saved or left. */
export function FormBuilder(props: {
  event: AdminEvent;
  sessions: AdminSession[];
  readOnly: boolean;
  onSaved: () => void;
}) {
  const first = props.event.languages[0]!;
  const [saved, setSaved] = createSignal<RegistrationField[]>(props.event.fields);
  const [sessions, setSessions] = createSignal<AdminSession[]>(props.sessions);
  const [draft, setDraft] = createSignal(draftOf(props.event.fields, first));
  /** Problems by path, in words: ours before sending, or the server's after. */
  const [problems, setProblems] = createSignal<Record<string, string>>({});
  const [general, setGeneral] = createSignal<string>();
  const [notice, setNotice] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const [removing, setRemoving] = createSignal<number>();
  const [leaving, setLeaving] = createSignal<{ leave: () => void; stay?: (() => void) | undefined }>();
  const fields = createMemo(() => fieldsOf(draft()));
  const dirty = createMemo(() => changed(draft(), saved()));
  let summary!: HTMLDivElement;

  guardUnsaved({ dirty, ask: (leave, stay) => setLeaving({ leave, stay }) });

  const titleOf = (s: { title: AdminSession["title"] }) => textIn(s.title, language(), props.event.languages);
  const usedBy = (key: string, option?: string) => sessionsUsing(key, option, sessions()).map(titleOf);
  const savedKeys = () => new Set(saved().map((f) => f.key));

  const dispatch = (action: DraftAction) => {
    setDraft((d) => reduce(d, action));
    setNotice(undefined);
  };
  /** After an edit that moves or adds controls, focus goes to the one the person would use next. */
  const focusLater = (id: string, fallback?: string) =>
    queueMicrotask(() => {
      const el = document.getElementById(id) as HTMLButtonElement | HTMLInputElement | null;
      const target = el && !el.disabled ? el : fallback ? document.getElementById(fallback) : el;
      target?.focus();
    });

  function add(kind: FieldKind) {
    const id = draft().nextId;
    dispatch({ type: "add", kind });
    focusLater(controlId(id, `label-${first}`));
  }

  function move(id: number, by: -1 | 1) {
    dispatch({ type: "move", id, by });
    const [here, other] = by < 0 ? ["up", "down"] : ["down", "up"];
    focusLater(controlId(id, here), controlId(id, other));
  }

  function confirmRemove() {
    const id = removing();
    setRemoving(undefined);
    if (id === undefined) return;
    const at = draft().fields.findIndex((f) => f.id === id);
    dispatch({ type: "remove", id });
    // Focus goes to the question that took its place, else the one before, else adding one.
    const next = draft().fields[at] ?? draft().fields[at - 1];
    focusLater(next ? controlId(next.id, `label-${first}`) : "form-add-text");
  }

  function problemsIn(index: number): Record<string, string> {
    return Object.fromEntries(Object.entries(problems()).filter(([path]) => fieldIndexOf(path) === index));
  }

  async function save(e: SubmitEvent) {
    e.preventDefault();
    setGeneral(undefined);
    setNotice(undefined);
    const local = problemsOf(draft());
    setProblems(Object.fromEntries(Object.entries(local).map(([p, code]) => [p, ta(`admin.form.problem.${code}`)])));
    if (Object.keys(local).length > 0) return summary.focus();
    setBusy(true);
    try {
      const result = await adminPatch<Saved>(`/api/admin/events/${encodeURIComponent(props.event.id)}`, {
        fields: fields(),
      });
      setSaved(result.fields);
      setSessions(result.sessions);
      setDraft(draftOf(result.fields, first));
      setNotice(ta("admin.form.saved"));
      props.onSaved();
    } catch (err) {
      // The server's problems go to the questions they name, in the console's language.
      if (err instanceof ApiFailure && Object.keys(err.fields).length > 0) {
        setProblems(serverFormProblems(err));
        if (err.status === 409) setGeneral(ta("admin.form.conflict"));
      } else {
        setGeneral(errorText(err));
      }
      summary.focus();
    } finally {
      setBusy(false);
    }
  }

  const summaryLines = () =>
    Object.entries(problems()).map(([path, text]) => {
      const index = fieldIndexOf(path);
      const field = index === undefined ? undefined : draft().fields[index];
      return {
        text: index === undefined ? text : ta("admin.form.problemAt", { number: index + 1, problem: text }),
        href: field ? `#${controlId(field.id, `label-${first}`)}` : undefined,
      };
    });
  const removingField = () => draft().fields.find((f) => f.id === removing());

  return (
    <div class="form-builder">
      <form class="form-editor" onSubmit={save} novalidate>
        <Show when={props.readOnly}>
          <p class="notice">{ta("admin.form.readOnly")}</p>
        </Show>
        <div
          ref={summary}
          tabindex="-1"
          role="alert"
          class="error-summary"
          hidden={!general() && summaryLines().length === 0}
        >
          <Show when={general()}>{(g) => <p>{g()}</p>}</Show>
          <Show when={summaryLines().length > 0}>
            <p>{ta("admin.form.problems", { count: summaryLines().length })}</p>
            <ul>
              <For each={summaryLines()}>
                {(line) => <li>{line.href ? <a href={line.href}>{line.text}</a> : line.text}</li>}
              </For>
            </ul>
          </Show>
        </div>
        <Show when={draft().fields.length > 0} fallback={<p class="muted">{ta("admin.form.none")}</p>}>
          <ol class="form-questions">
            <For each={draft().fields.map((f) => f.id)}>
              {(id) => {
                const field = () => draft().fields.find((f) => f.id === id)!;
                const index = () => draft().fields.findIndex((f) => f.id === id);
                const isSaved = () => field().saved && savedKeys().has(field().key);
                return (
                  <FieldEditor
                    field={field()}
                    index={index()}
                    count={draft().fields.length}
                    languages={props.event.languages}
                    readOnly={props.readOnly}
                    problems={problemsIn(index())}
                    usedBy={isSaved() ? usedBy(field().key) : []}
                    optionUsedBy={(value) => (isSaved() ? usedBy(field().key, value) : [])}
                    dispatch={dispatch}
                    onMove={(by) => move(id, by)}
                    onRemove={() => setRemoving(id)}
                  />
                );
              }}
            </For>
          </ol>
        </Show>
        <Show when={!props.readOnly}>
          <fieldset class="form-add">
            <legend>{ta("admin.form.add")}</legend>
            <For each={FIELD_KINDS}>
              {(kind) => (
                <button type="button" class="secondary" id={`form-add-${kind}`} onClick={() => add(kind)}>
                  {ta("admin.form.addKind", { kind: ta(`admin.form.kind.${kind}`) })}
                </button>
              )}
            </For>
          </fieldset>
          <div class="form-save">
            <button type="submit" disabled={busy()}>
              {busy() ? ta("admin.form.saving") : ta("admin.form.save")}
            </button>
            <Show when={dirty()}>
              <button type="button" class="secondary" onClick={() => setDraft(draftOf(saved(), first))}>
                {ta("admin.form.discard")}
              </button>
            </Show>
          </div>
        </Show>
        <p role="status" class="form-status">
          {notice() ?? (dirty() ? ta("admin.form.unsaved") : "")}
        </p>
      </form>
      <FormPreview event={props.event} fields={fields()} sessions={sessions()} />
      <ConfirmDialog
        open={removing() !== undefined}
        title={ta("admin.form.confirmRemove.title", {
          number: draft().fields.findIndex((f) => f.id === removing()) + 1,
        })}
        body={ta("admin.form.confirmRemove.body", {
          label: textIn(removingField()?.label, language(), props.event.languages),
        })}
        confirm={ta("admin.form.confirmRemove.ok")}
        cancel={ta("admin.confirm.cancel")}
        onConfirm={confirmRemove}
        onCancel={() => setRemoving(undefined)}
      />
      <ConfirmDialog
        open={leaving() !== undefined}
        title={ta("admin.form.leave.title")}
        body={ta("admin.form.leave.body")}
        confirm={ta("admin.form.leave.ok")}
        cancel={ta("admin.form.leave.stay")}
        onConfirm={() => {
          const go = leaving()?.leave;
          setLeaving(undefined);
          // What is left is not saved: the guard must not ask again on the way out.
          setDraft(draftOf(saved(), first));
          go?.();
        }}
        onCancel={() => {
          const stay = leaving()?.stay;
          setLeaving(undefined);
          stay?.();
        }}
      />
    </div>
  );
}
