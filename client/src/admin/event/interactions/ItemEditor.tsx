import { createSignal, Match, onMount, Show, Switch } from "solid-js";
import { createStore, type SetStoreFunction, unwrap } from "solid-js/store";
import type { PreparedInteraction, PreparedKind } from "../../../../../core/contract/interactions";
import { Limits } from "../../../../../core/protocol/limits";
import { ApiFailure } from "../../../lib/api";
import { adminPatch, adminPost } from "../../api";
import { errorText } from "../../errors";
import { ta } from "../../i18n";
import { bodyOf, check, type Draft, draftOf, emptyDraft, fieldId, titleOfItem } from "./draft";
import { type Errors, OptionList, TextField } from "./fields";
import { QuizFields } from "./QuizFields";
import { TranslationFields } from "./TranslationFields";
import { dropTranslated } from "./translations";
import type { Language } from "../../../../../core/protocol/identity";

type Of<K extends Draft["kind"]> = Extract<Draft, { kind: K }>;

/** Focus the first field in the form's order that has an error (the first to fix). */
function focusFirst(paths: readonly string[]): void {
  const selector = paths.map((p) => `#${CSS.escape(fieldId(p))}`).join(",");
  const first = selector ? document.querySelector<HTMLElement>(selector) : null;
  (first?.matches("fieldset") ? (first.querySelector("input") ?? first) : first)?.focus();
}

/**
 * The form for a new prepared item or an edit: checked at each field before saving with the
 * session's own rules, and the server's answer (422 naming fields) placed on the same fields.
 */
export function ItemEditor(props: {
  sessionId: string;
  kind: PreparedKind;
  /** The event's languages after its first, the one the texts above are written in. */
  otherLanguages: readonly Language[];
  item?: PreparedInteraction;
  onSaved: (item: PreparedInteraction, how: "created" | "saved") => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = createStore<Draft>(props.item ? draftOf(props.item) : emptyDraft(props.kind));
  const [errors, setErrors] = createSignal<Errors>({});
  const [failure, setFailure] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  let heading!: HTMLHeadingElement;
  onMount(() => heading.focus());

  async function save(e: SubmitEvent) {
    e.preventDefault();
    setFailure("");
    const found = check(draft);
    if (Object.keys(found).length > 0) {
      setErrors(Object.fromEntries(Object.entries(found).map(([path, err]) => [path, ta(err.key, err.params)])));
      queueMicrotask(() => focusFirst(Object.keys(found)));
      return;
    }
    setErrors({});
    setBusy(true);
    const base = `/api/admin/sessions/${encodeURIComponent(props.sessionId)}/prepared`;
    try {
      const body = bodyOf(unwrap(draft));
      const saved = props.item
        ? await adminPatch<PreparedInteraction>(`${base}/${encodeURIComponent(props.item.id)}`, body)
        : await adminPost<PreparedInteraction>(base, body);
      props.onSaved(saved, props.item ? "saved" : "created");
    } catch (err) {
      const fields =
        err instanceof ApiFailure
          ? Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k.replace(/^definition\./, ""), v]))
          : {};
      setErrors(fields);
      // A field the form has no input for (or none at all): the message goes at the form's end.
      if (Object.keys(fields).every((k) => !document.getElementById(fieldId(k)))) setFailure(errorText(err));
      queueMicrotask(() => focusFirst(Object.keys(fields)));
    } finally {
      setBusy(false);
    }
  }

  const hasErrors = () => Object.keys(errors()).length > 0;
  return (
    <form class="card prep-editor" onSubmit={save} novalidate aria-labelledby="prep-editor-heading">
      <h3 id="prep-editor-heading" ref={heading} tabindex="-1">
        {props.item
          ? ta("admin.interactions.editor.editHeading", { title: titleOfItem(props.item) })
          : ta(`admin.interactions.editor.newHeading.${props.kind}`)}
      </h3>
      <Show when={hasErrors()}>
        <p role="alert" class="error-summary">
          {ta("admin.interactions.editor.fix")}
        </p>
      </Show>
      <Switch>
        <Match when={draft.kind === "poll"}>
          <PollFields draft={draft as Of<"poll">} set={setDraft as SetStoreFunction<Of<"poll">>} errors={errors()} />
        </Match>
        <Match when={draft.kind === "quiz"}>
          <QuizFields draft={draft as Of<"quiz">} set={setDraft as SetStoreFunction<Of<"quiz">>} errors={errors()} />
        </Match>
        <Match when={draft.kind === "wordcloud"}>
          <CloudFields
            draft={draft as Of<"wordcloud">}
            set={setDraft as SetStoreFunction<Of<"wordcloud">>}
            errors={errors()}
          />
        </Match>
      </Switch>
      <TranslationFields languages={props.otherLanguages} draft={draft} set={setDraft} errors={errors()} />
      <Show when={failure()}>
        <p role="alert">{failure()}</p>
      </Show>
      <div class="toolbar">
        <button type="submit" class="primary" disabled={busy()}>
          {ta("admin.interactions.editor.save")}
        </button>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>
          {ta("admin.interactions.editor.cancel")}
        </button>
      </div>
    </form>
  );
}

function PollFields(props: { draft: Of<"poll">; set: SetStoreFunction<Of<"poll">>; errors: Errors }) {
  return (
    <>
      <TextField
        path="question"
        label={ta("admin.interactions.poll.question")}
        value={props.draft.question}
        maxlength={Limits.pollQuestionChars}
        errors={props.errors}
        onInput={(v) => props.set("question", v)}
      />
      <fieldset class="field">
        <legend>{ta("admin.interactions.poll.kind")}</legend>
        <label class="check">
          <input
            type="radio"
            name="prep-poll-kind"
            checked={!props.draft.multi}
            onChange={() => props.set("multi", false)}
          />
          {ta("admin.interactions.poll.single")}
        </label>
        <label class="check">
          <input
            type="radio"
            name="prep-poll-kind"
            checked={props.draft.multi}
            onChange={() => props.set("multi", true)}
          />
          {ta("admin.interactions.poll.multi")}
        </label>
      </fieldset>
      <OptionList
        prefix=""
        options={props.draft.options}
        min={Limits.pollMinOptions}
        max={Limits.pollMaxOptions}
        maxlength={Limits.pollOptionChars}
        errors={props.errors}
        onChange={(options) => props.set("options", options)}
        onRemove={(i) => props.set("translations", (t) => dropTranslated(t, "options.", i))}
      />
      <fieldset class="field">
        <legend>{ta("admin.interactions.poll.results")}</legend>
        <label class="check">
          <input
            type="radio"
            name="prep-poll-results"
            checked={!props.draft.after}
            onChange={() => props.set("after", false)}
          />
          {ta("admin.interactions.poll.resultsLive")}
        </label>
        <label class="check">
          <input
            type="radio"
            name="prep-poll-results"
            checked={props.draft.after}
            onChange={() => props.set("after", true)}
          />
          {ta("admin.interactions.poll.resultsAfter")}
        </label>
      </fieldset>
    </>
  );
}

function CloudFields(props: { draft: Of<"wordcloud">; set: SetStoreFunction<Of<"wordcloud">>; errors: Errors }) {
  return (
    <>
      <TextField
        path="prompt"
        label={ta("admin.interactions.cloud.prompt")}
        value={props.draft.prompt}
        maxlength={Limits.wordcloudPromptChars}
        errors={props.errors}
        onInput={(v) => props.set("prompt", v)}
      />
      <TextField
        path="perPerson"
        type="number"
        min={1}
        max={Limits.wordsPerPersonMax}
        label={ta("admin.interactions.cloud.perPerson", { min: 1, max: Limits.wordsPerPersonMax })}
        value={props.draft.perPerson}
        errors={props.errors}
        onInput={(v) => props.set("perPerson", v)}
      />
    </>
  );
}
