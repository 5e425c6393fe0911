import { createSignal, For, Show } from "solid-js";
import {
  type CreateApiTokenRequest,
  type CreatedApiToken,
  TOKEN_SCOPES,
  type TokenScope,
} from "../../../../core/contract/organizers";
import { adminPost, fieldError, namesNoneOf } from "../api";
import { errorText } from "../errors";
import { expiryFromDate, tomorrowDate } from "../format";
import { ta } from "../i18n";

const FIELDS = ["name", "scopes", "expiresAt"] as const;

/** Make an API token: a name, the scopes it carries, and when it stops working (optional). */
export function NewToken(props: { path: string; onCreated: (created: CreatedApiToken) => Promise<void> }) {
  const [error, setError] = createSignal<unknown>();
  // What is wrong before the round trip, every field at once (not one per press of Create).
  const [missing, setMissing] = createSignal<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const [busy, setBusy] = createSignal(false);
  const errorOf = (field: (typeof FIELDS)[number]) => missing()[field] ?? fieldError(error(), field);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const scopes = data.getAll("scopes").map(String) as TokenScope[];
    const name = String(data.get("name") ?? "").trim();
    setError(undefined);
    // A token without a name, or that may do nothing, is a mistake, not a choice: said here,
    // before the round trip, for every field at once.
    const found = {
      ...(name === "" ? { name: ta("admin.tokens.nameRequired") } : {}),
      ...(scopes.length === 0 ? { scopes: ta("admin.tokens.pickScope") } : {}),
    };
    setMissing(found);
    if (found.name) return form.querySelector<HTMLInputElement>("#token-name")?.focus();
    if (found.scopes) return form.querySelector<HTMLInputElement>('input[name="scopes"]')?.focus();
    const body: CreateApiTokenRequest = {
      name,
      scopes,
      expiresAt: expiryFromDate(String(data.get("expiresAt") ?? "")),
    };
    setBusy(true);
    try {
      const created = await adminPost<CreatedApiToken>(props.path, body);
      form.reset();
      await props.onCreated(created);
    } catch (err) {
      setError(err);
      const first = FIELDS.find((f) => fieldError(err, f));
      if (first) form.querySelector<HTMLElement>(`#token-${first}`)?.focus();
    } finally {
      setBusy(false);
    }
  }

  const described = (field: (typeof FIELDS)[number]) => ({
    "aria-invalid": errorOf(field) ? ("true" as const) : undefined,
    "aria-describedby": errorOf(field) ? `token-${field}-error` : undefined,
  });
  const ErrorText = (p: { field: (typeof FIELDS)[number] }) => (
    <Show when={errorOf(p.field)}>
      {(message) => (
        <p id={`token-${p.field}-error`} class="field-error">
          {message()}
        </p>
      )}
    </Show>
  );

  return (
    <section class="card" aria-labelledby="new-token-heading">
      <h2 id="new-token-heading">{ta("admin.tokens.new")}</h2>
      <form onSubmit={submit} novalidate>
        <div class="field">
          <label for="token-name">{ta("admin.tokens.name")}</label>
          <input
            id="token-name"
            name="name"
            type="text"
            required
            maxLength={100}
            autocomplete="off"
            {...described("name")}
          />
          <ErrorText field="name" />
        </div>
        <fieldset id="token-scopes" class="field" {...described("scopes")}>
          <legend>{ta("admin.tokens.scopes")}</legend>
          <ul class="scope-choice">
            <For each={TOKEN_SCOPES}>
              {(s) => (
                <li>
                  <label class="check">
                    <input type="checkbox" name="scopes" value={s} />
                    <span>
                      {ta(`admin.scope.${s}`)} <code>{s}</code>
                    </span>
                  </label>
                </li>
              )}
            </For>
          </ul>
          <ErrorText field="scopes" />
        </fieldset>
        <div class="field">
          <label for="token-expiresAt">{ta("admin.tokens.expiresAt")}</label>
          <input
            id="token-expiresAt"
            name="expiresAt"
            type="date"
            min={tomorrowDate()}
            aria-describedby={errorOf("expiresAt") ? "token-expiresAt-error" : "token-expiresAt-help"}
            aria-invalid={errorOf("expiresAt") ? "true" : undefined}
          />
          <p id="token-expiresAt-help" class="muted">
            {ta("admin.tokens.expiresHelp")}
          </p>
          <ErrorText field="expiresAt" />
        </div>
        <p role="alert" class="field-error">
          {error() && namesNoneOf(error(), FIELDS) ? errorText(error()) : ""}
        </p>
        <button type="submit" disabled={busy()}>
          {ta("admin.tokens.create")}
        </button>
      </form>
    </section>
  );
}
