import { createSignal, Show } from "solid-js";
import { adminPost, fieldError, namesNoneOf } from "./api";
import { errorText } from "./errors";
import { ta } from "./i18n";

/**
 * A person in no workspace (every membership removed, or signed in before being invited) can
 * start one of their own and becomes its owner.
 */
export function NewWorkspace(props: { onCreated: () => Promise<void> }) {
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget as HTMLFormElement).get("name") ?? "").trim();
    setError(undefined);
    setBusy(true);
    try {
      await adminPost("/api/admin/workspaces", { name });
      await props.onCreated();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="card narrow" aria-labelledby="new-workspace-heading">
      <h1 id="new-workspace-heading">{ta("admin.workspace.noneHeading")}</h1>
      <p>{ta("admin.workspace.none")}</p>
      <form onSubmit={submit} novalidate>
        <div class="field">
          <label for="new-workspace-name">{ta("admin.workspace.name")}</label>
          <input
            id="new-workspace-name"
            name="name"
            type="text"
            required
            maxLength={100}
            aria-invalid={fieldError(error(), "name") ? "true" : undefined}
            aria-describedby={fieldError(error(), "name") ? "new-workspace-name-error" : undefined}
          />
          <Show when={fieldError(error(), "name")}>
            {(message) => (
              <p id="new-workspace-name-error" class="field-error">
                {message()}
              </p>
            )}
          </Show>
        </div>
        <p role="alert" class="field-error">
          {error() && namesNoneOf(error(), ["name"]) ? errorText(error()) : ""}
        </p>
        <button type="submit" disabled={busy()}>
          {ta("admin.workspace.create")}
        </button>
      </form>
    </section>
  );
}
