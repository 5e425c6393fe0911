import type { JSX } from "solid-js";
import { t } from "../../i18n";
import { ErrorNote } from "../session/ErrorNote";
import type { LiveSession, MutationRequest } from "../session/live";
import { useAction } from "../session/useAction";

/**
 * The form for a new item of one kind, folded under its summary: the kind's fields, then Create
 * and the refusal, if any. The fields are cleared (`onCreated`) only once the server made the
 * item, so a refused draft keeps what the moderator typed.
 */
export function ItemEditor(props: {
  live: LiveSession;
  /** The summary's id, which also names the form. */
  headingId: string;
  summary: string;
  request: () => MutationRequest;
  onCreated: () => void;
  children: JSX.Element;
}) {
  const create = useAction(props.live);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const result = await create.run(props.request());
    if (result.ok) props.onCreated();
  };
  return (
    <details class="editor">
      <summary id={props.headingId}>{props.summary}</summary>
      <form onSubmit={submit} aria-labelledby={props.headingId}>
        {props.children}
        <button type="submit" disabled={create.busy()}>
          {t("mod.create")}
        </button>
        <ErrorNote text={create.error()} />
      </form>
    </details>
  );
}
